//! Who may use the servicedesk: the owner of the data folder and, when configured, the members
//! of one group. The folder and socket modes say the same to the kernel; this is the second lock.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use nix::unistd::{Gid, Group, Uid, User};

use crate::desk::Agent;

#[derive(Debug, Clone)]
pub struct Access {
    owner: u32,
    /// The data folder's owner, who may always come in (the service's user, when a colleague's
    /// client started this server).
    folder_owner: Option<u32>,
    group: Option<SharedGroup>,
}

#[derive(Debug, Clone)]
struct SharedGroup {
    gid: u32,
    name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("there is no group {0:?} on this host (config `group`, or --group)")]
    NoGroup(String),
    #[error("cannot set up the data folder {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "the data folder {path} is shared with the group {group} (its mode is {mode:04o}) but is not \
         setgid: whatever a server started by {me} wrote there would be {me}'s alone, and locked to \
         the others; the folder's owner makes it right with `chmod g+s {path}` (see \
         examples/spoc.service)"
    )]
    NotSetgid { path: String, group: String, mode: u32, me: String },
    #[error(
        "{path} holds files that are not spoc's (such as {example:?}): a data folder is new, empty or \
         spoc's own, and spoc would make this one private; choose another (--data, SPOC_DATA, or \
         `data` in the config file)"
    )]
    NotSpoc { path: String, example: String },
}

impl Access {
    /// The server's own user, and the group named in the config (if any). Without one, a folder
    /// already shared with a group (setgid, and the group may read, write and enter it) keeps
    /// being shared with that group: a server that an agent's client starts follows the folder,
    /// so that no file in it becomes private to that agent.
    pub fn new(group: Option<&str>, dir: &Path) -> Result<Access, AccessError> {
        let folder = std::fs::metadata(dir).ok();
        let group = match group {
            Some(name) => {
                let g = Group::from_name(name).ok().flatten().ok_or_else(|| AccessError::NoGroup(name.to_string()))?;
                Some(SharedGroup { gid: g.gid.as_raw(), name: g.name })
            }
            None => folder.as_ref().filter(|m| is_shared(m)).map(|m| {
                let name = Group::from_gid(Gid::from_raw(m.gid())).ok().flatten().map(|g| g.name);
                SharedGroup { gid: m.gid(), name: name.unwrap_or_else(|| format!("gid {}", m.gid())) }
            }),
        };
        let me = Uid::effective();
        check_folder(dir, group.is_some() && folder.as_ref().is_none_or(|m| m.uid() == me.as_raw()))?;
        Ok(Access { owner: me.as_raw(), folder_owner: folder.map(|m| m.uid()), group })
    }

    /// The agent at the other end of a connection, or why they may not come in.
    pub fn admit(&self, uid: u32, gid: u32) -> Result<Agent, String> {
        let user = User::from_uid(Uid::from_raw(uid)).ok().flatten();
        let name = user.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| format!("uid{uid}"));
        let member = |g: &SharedGroup| {
            gid == g.gid
                || Group::from_gid(Gid::from_raw(g.gid)).ok().flatten().is_some_and(|grp| grp.mem.contains(&name))
        };
        if uid == self.owner || Some(uid) == self.folder_owner || self.group.as_ref().is_some_and(member) {
            return Ok(Agent::new(name));
        }
        Err(match &self.group {
            Some(g) => {
                format!("{name} (uid {uid}) is not a member of the group {} that shares this servicedesk", g.name)
            }
            None => format!("{name} (uid {uid}) may not use this servicedesk: it belongs to another user"),
        })
    }

    /// What new files may be: private to the owner, or to the owner and the group.
    pub fn umask(&self) -> u32 {
        if self.group.is_some() { 0o007 } else { 0o077 }
    }

    /// Creates the data folder, or tightens one we own, to 0700 (or 2770 for the group, so that
    /// files made inside it belong to the group).
    pub fn prepare_folder(&self, dir: &Path) -> Result<(), AccessError> {
        let io = |source| AccessError::Io { path: dir.display().to_string(), source };
        std::fs::create_dir_all(dir).map_err(io)?;
        let meta = std::fs::metadata(dir).map_err(io)?;
        if meta.uid() != self.owner {
            // Only the owner may change modes; a shared folder set up by a colleague stays as it is.
            return Ok(());
        }
        if let Some(g) = &self.group {
            nix::unistd::chown(dir, None, Some(Gid::from_raw(g.gid))).map_err(|e| io(e.into()))?;
        }
        let mode = if self.group.is_some() { 0o2770 } else { 0o700 };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).map_err(io)
    }

    /// The socket: 0600, or 0660 and the group's.
    pub fn prepare_socket(&self, path: &Path) -> Result<(), AccessError> {
        let io = |source| AccessError::Io { path: path.display().to_string(), source };
        if let Some(g) = &self.group {
            nix::unistd::chown(path, None, Some(Gid::from_raw(g.gid))).map_err(|e| io(e.into()))?;
        }
        let mode = if self.group.is_some() { 0o660 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(io)
    }
}

/// What spoc keeps in a data folder.
const SPOC_FILES: [&str; 7] =
    ["store", "store.pid", "serve.lock", "serve.log", "serve.pid", "serve.state", "spoc.sock"];
/// Names only spoc gives (besides a sled store): one makes a folder spoc's own.
const SPOC_MARKS: [&str; 4] = ["store.pid", "serve.lock", "serve.state", "spoc.sock"];

/// Refuses a folder that is not spoc's (it holds files, none of them spoc's), and one open to a
/// group (it may read, write and enter it) but not setgid: whatever a
/// server wrote there would get that server's user's own group and be private to them, and the
/// others locked out. A colleague's such folder is refused whatever group is configured (only
/// its owner may set its mode); our own is refused unless a group is configured (then it is made
/// 2770) or the group is our own private one (a personal folder made with a loose umask).
pub fn check_folder(dir: &Path, our_configured_group: bool) -> Result<(), AccessError> {
    let Ok(m) = std::fs::metadata(dir) else { return Ok(()) };
    // A folder named by mistake (a home, a shared drop folder) is not taken over: one that holds
    // anything but spoc's files is spoc's only with a mark of spoc's own in it.
    if m.is_dir()
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        let names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        let store = dir.join("store");
        let sled_store = store.join("db").is_file() && store.join("conf").is_file();
        let marked = sled_store || names.iter().any(|n| SPOC_MARKS.contains(&n.as_str()));
        let foreign = |n: &&String| !SPOC_FILES.contains(&n.as_str()) || (n.as_str() == "store" && !sled_store);
        if let Some(example) = names.iter().find(foreign).filter(|_| !marked) {
            return Err(AccessError::NotSpoc { path: dir.display().to_string(), example: example.clone() });
        }
    }
    if !m.is_dir() || m.mode() & 0o070 != 0o070 || m.mode() & 0o2000 != 0 {
        return Ok(());
    }
    let me = Uid::effective();
    if m.uid() == me.as_raw() {
        let own_group = User::from_uid(me).ok().flatten().is_some_and(|u| u.gid.as_raw() == m.gid());
        if our_configured_group || own_group {
            return Ok(());
        }
    }
    let group = Group::from_gid(Gid::from_raw(m.gid())).ok().flatten().map(|g| g.name);
    Err(AccessError::NotSetgid {
        path: dir.display().to_string(),
        group: group.unwrap_or_else(|| format!("gid {}", m.gid())),
        mode: m.mode() & 0o7777,
        me: User::from_uid(me).ok().flatten().map(|u| u.name).unwrap_or_else(|| format!("uid {me}")),
    })
}

/// A folder set up for a group (`examples/spoc.service`: 2770): setgid, and the group may read,
/// write and enter it.
pub fn is_shared(meta: &std::fs::Metadata) -> bool {
    meta.is_dir() && meta.mode() & 0o2070 == 0o2070
}

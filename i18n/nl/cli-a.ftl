# cli-a (nl)

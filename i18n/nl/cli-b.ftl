# cli-b (nl)

# cli-a (en)

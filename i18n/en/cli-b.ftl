# cli-b (en)

# screens-b (nl)

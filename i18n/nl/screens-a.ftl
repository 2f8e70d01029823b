# screens-a (nl)

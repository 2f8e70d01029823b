# screens-a (en)

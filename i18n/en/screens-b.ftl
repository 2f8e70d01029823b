# screens-b (en)

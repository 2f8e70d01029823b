# core (en)

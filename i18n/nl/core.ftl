# core (nl)

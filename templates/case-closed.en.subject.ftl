[${reference}] This case is closed

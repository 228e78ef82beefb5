[${reference}] Your report was received

[${reference}] Your message was received

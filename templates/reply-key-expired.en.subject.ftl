[${reference}] Reply key expired: nothing was changed ${macToken}

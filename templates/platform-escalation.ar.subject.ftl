[${escalationReference}] بلاغ شريك موثوق: منشورات على ${platformName}

[${escalationReference}] Trusted-partner report: posts on ${platformName}

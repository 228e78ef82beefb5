[${escalationReference}] ڕاپۆرتی هاوبەشی متمانەپێکراو: پۆستەکان لەسەر ${platformName}

Shahid weekly findings ${from} to ${to}

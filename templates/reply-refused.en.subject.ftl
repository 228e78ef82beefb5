Your mail to the Shahid monitors address was not applied

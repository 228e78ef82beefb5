Shahid digest: ${assigned?size} assigned to you, ${unassigned?size} unassigned

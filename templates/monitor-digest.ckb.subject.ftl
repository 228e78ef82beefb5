کورتەی شاهید: ${assigned?size} دراوە بە تۆ، ${unassigned?size} بێ خاوەن

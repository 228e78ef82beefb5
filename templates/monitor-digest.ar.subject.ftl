ملخص شاهد: ${assigned?size} مسندة إليك، ${unassigned?size} غير مسندة

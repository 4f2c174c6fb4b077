-- Deadlines as councils write them, part two: a recurring deadline's due day falls in the period it reports on or in
-- the one after it, a floor («не реже одного раза в полугодие») is marked, and a series keeps its windows.
ALTER TABLE plan_items ADD COLUMN deadline_following INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_items ADD COLUMN deadline_at_least  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_items ADD COLUMN deadline_windows   TEXT; -- a series: 'yyyy-MM-dd/yyyy-MM-dd' per window, in order, comma-separated

-- Until now a due day always fell in the month after the period: stored rows keep that meaning.
UPDATE plan_items SET deadline_following = 1 WHERE deadline_kind = 'recurring' AND deadline_due_day IS NOT NULL;

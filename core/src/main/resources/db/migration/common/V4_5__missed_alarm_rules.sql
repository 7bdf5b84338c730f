-- A missed alarm is recorded against the rule that should have raised it: threshold tuning replays that rule (issue 6).
-- Nothing wrote missed_alarms before, so the new column needs no default.
ALTER TABLE missed_alarms ADD COLUMN rule_id BIGINT NOT NULL;
ALTER TABLE missed_alarms ADD CONSTRAINT missed_alarms_rule FOREIGN KEY (rule_id) REFERENCES warning_rules (id);
CREATE INDEX missed_alarms_by_rule ON missed_alarms (rule_id, observed_at);

-- SPDX-License-Identifier: GPL-3.0-or-later
-- Lianxin schema 1: the whole data model. Dates are ISO-8601 text in local
-- time (YYYY-MM-DD, or YYYY-MM-DDTHH:MM for moments); enums are short English
-- codes whose labels live in the interface.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER,
  action     TEXT NOT NULL,
  summary    TEXT
);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

-- Party organizations: 党委 / 党总支 / 党支部 / 党小组, a tree.
CREATE TABLE organization (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES organization (id) ON DELETE RESTRICT,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group')),
  position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX organization_parent ON organization (parent_id);

CREATE TABLE member (
  id                INTEGER PRIMARY KEY,
  org_id            INTEGER NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
  name              TEXT NOT NULL,
  pinyin            TEXT NOT NULL DEFAULT '',
  initials          TEXT NOT NULL DEFAULT '',
  gender            TEXT CHECK (gender IN ('male', 'female')),
  birth_date        TEXT,
  join_date         TEXT,
  phone             TEXT,
  id_number         TEXT UNIQUE,
  role              TEXT NOT NULL DEFAULT 'member'
                    CHECK (role IN ('secretary', 'deputy', 'committee', 'group_leader', 'member')),
  leading_cadre     INTEGER NOT NULL DEFAULT 0 CHECK (leading_cadre IN (0, 1)),
  party_rep         INTEGER NOT NULL DEFAULT 0 CHECK (party_rep IN (0, 1)),
  npc_deputy        INTEGER NOT NULL DEFAULT 0 CHECK (npc_deputy IN (0, 1)),
  cppcc_member      INTEGER NOT NULL DEFAULT 0 CHECK (cppcc_member IN (0, 1)),
  status            TEXT NOT NULL DEFAULT 'full'
                    CHECK (status IN ('full', 'probationary', 'transferred_out')),
  notes             TEXT,
  deleted_at        TEXT
);
CREATE INDEX member_org ON member (org_id);

-- 网格 / 责任区
CREATE TABLE zone (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE,
  colour TEXT NOT NULL DEFAULT '#3584e4'
);
CREATE TABLE member_zone (
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  zone_id   INTEGER NOT NULL REFERENCES zone (id) ON DELETE CASCADE,
  PRIMARY KEY (member_id, zone_id)
);

-- 小区 and 楼栋: the schematic map's grid.
CREATE TABLE site (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  address    TEXT,
  plan_image BLOB,
  plan_type  TEXT
);
CREATE TABLE building (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  entrances       INTEGER NOT NULL DEFAULT 1 CHECK (entrances BETWEEN 1 AND 50),
  floors          INTEGER NOT NULL DEFAULT 1 CHECK (floors BETWEEN 1 AND 200),
  rooms_per_floor INTEGER NOT NULL DEFAULT 2 CHECK (rooms_per_floor BETWEEN 1 AND 50),
  zone_id         INTEGER REFERENCES zone (id) ON DELETE SET NULL,
  map_x           REAL,
  map_y           REAL,
  map_w           REAL,
  map_h           REAL,
  UNIQUE (site_id, name)
);
CREATE INDEX building_zone ON building (zone_id);

-- 群众户
CREATE TABLE household (
  id             INTEGER PRIMARY KEY,
  head_name      TEXT NOT NULL,
  pinyin         TEXT NOT NULL DEFAULT '',
  initials       TEXT NOT NULL DEFAULT '',
  phone          TEXT,
  id_number      TEXT,
  building_id    INTEGER REFERENCES building (id) ON DELETE SET NULL,
  entrance       INTEGER,
  floor          INTEGER,
  room           TEXT,
  address        TEXT,            -- free address when not on the grid
  size           INTEGER NOT NULL DEFAULT 1 CHECK (size BETWEEN 1 AND 30),
  zone_id        INTEGER REFERENCES zone (id) ON DELETE SET NULL,
  notes          TEXT,
  created_on     TEXT NOT NULL DEFAULT (date('now', 'localtime')),
  deleted_at     TEXT,
  -- derived, kept by triggers
  needy          INTEGER NOT NULL DEFAULT 0,
  rule_days      INTEGER NOT NULL DEFAULT 365,
  last_visit_on  TEXT,
  search_text    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX household_building ON household (building_id, entrance, floor, room);
CREATE INDEX household_zone ON household (zone_id);
CREATE INDEX household_order ON household (deleted_at, needy DESC, building_id, entrance, floor, room, id);
CREATE INDEX household_idnum ON household (id_number);

CREATE TABLE need_tag (
  code                TEXT PRIMARY KEY,
  label               TEXT NOT NULL,
  visit_interval_days INTEGER NOT NULL DEFAULT 90 CHECK (visit_interval_days BETWEEN 1 AND 3660),
  position            INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE household_need (
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  tag          TEXT NOT NULL REFERENCES need_tag (code) ON DELETE CASCADE,
  PRIMARY KEY (household_id, tag)
);
CREATE INDEX household_need_tag ON household_need (tag);

CREATE TABLE resident (
  id           INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  relation     TEXT,
  gender       TEXT CHECK (gender IN ('male', 'female')),
  birth_date   TEXT,
  phone        TEXT,
  id_number    TEXT
);
CREATE INDEX resident_household ON resident (household_id);

-- 联系点: targets of 下访
CREATE TABLE contact_point (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  address TEXT,
  notes   TEXT
);
CREATE TABLE member_contact_point (
  member_id        INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  contact_point_id INTEGER NOT NULL REFERENCES contact_point (id) ON DELETE CASCADE,
  PRIMARY KEY (member_id, contact_point_id)
);

-- Calendar events, with an RFC 5545 subset for recurrence.
CREATE TABLE event (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL
                   CHECK (kind IN ('planned_visit', 'field', 'reception_day', 'service', 'meeting')),
  title            TEXT NOT NULL,
  starts_at        TEXT NOT NULL,
  ends_at          TEXT,
  place            TEXT,
  rrule            TEXT,
  household_id     INTEGER REFERENCES household (id) ON DELETE SET NULL,
  contact_point_id INTEGER REFERENCES contact_point (id) ON DELETE SET NULL,
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  notes            TEXT
);
CREATE INDEX event_starts ON event (starts_at);
CREATE TABLE event_member (
  event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, member_id)
);
CREATE TABLE event_exception (
  event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  occurrence_on   TEXT NOT NULL,
  moved_to        TEXT,          -- NULL: skipped
  done            INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, occurrence_on)
);

-- 走访 / 下访 / 接访
CREATE TABLE visit (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('home', 'field', 'reception', 'phone', 'other')),
  happened_at      TEXT NOT NULL,
  contact_point_id INTEGER REFERENCES contact_point (id) ON DELETE SET NULL,
  event_id         INTEGER REFERENCES event (id) ON DELETE SET NULL,
  notes            TEXT
);
CREATE INDEX visit_happened ON visit (happened_at);
CREATE INDEX visit_kind ON visit (kind, happened_at);
CREATE TABLE visit_household (
  visit_id     INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, household_id)
);
CREATE INDEX visit_household_household ON visit_household (household_id);
CREATE TABLE visit_member (
  visit_id  INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, member_id)
);
CREATE INDEX visit_member_member ON visit_member (member_id);

-- 诉求 and every step it went through.
CREATE TABLE appeal (
  id               INTEGER PRIMARY KEY,
  received_on      TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('home_visit', 'field_visit', 'reception',
                     'suggestion_box', 'hotline', 'report_line', 'website', 'other')),
  household_id     INTEGER REFERENCES household (id) ON DELETE SET NULL,
  anonymous_name   TEXT,
  concern          TEXT CHECK (concern IN ('think', 'hope', 'worry', 'anxiety', 'hardship')),
  domain           TEXT NOT NULL DEFAULT 'other' CHECK (domain IN ('employment', 'education',
                     'medical', 'environment', 'political', 'culture', 'legal', 'other')),
  priority         TEXT CHECK (priority IN ('most_practical', 'most_concerned', 'most_direct')),
  description      TEXT NOT NULL,
  assignee_id      INTEGER REFERENCES member (id) ON DELETE SET NULL,
  deadline         TEXT,
  mechanism        TEXT CHECK (mechanism IN ('self_help', 'window', 'coordinated')),
  status           TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress',
                     'resolved', 'responded', 'escalated', 'closed')),
  resolution_level TEXT CHECK (resolution_level IN ('branch', 'service_centre', 'street',
                     'upward', 'pending_hard')),
  resolution       TEXT,
  superior_answer  TEXT,
  closed_on        TEXT,
  followup_on      TEXT,
  satisfaction     TEXT CHECK (satisfaction IN ('satisfied', 'fairly', 'basically', 'dissatisfied')),
  visit_id         INTEGER REFERENCES visit (id) ON DELETE SET NULL
);
CREATE INDEX appeal_status ON appeal (status, deadline);
CREATE INDEX appeal_household ON appeal (household_id);
CREATE INDEX appeal_received ON appeal (received_on);
CREATE TABLE appeal_step (
  id         INTEGER PRIMARY KEY,
  appeal_id  INTEGER NOT NULL REFERENCES appeal (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  member_id  INTEGER REFERENCES member (id) ON DELETE SET NULL,
  from_status TEXT,
  to_status  TEXT NOT NULL,
  note       TEXT
);
CREATE INDEX appeal_step_appeal ON appeal_step (appeal_id);

-- 结对: member ↔ household, with history.
CREATE TABLE pairing (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  start_on     TEXT NOT NULL,
  end_on       TEXT,
  end_reason   TEXT
);
CREATE INDEX pairing_member ON pairing (member_id);
CREATE INDEX pairing_household ON pairing (household_id);
-- A household has at most one member paired with it at a time.
CREATE UNIQUE INDEX pairing_active ON pairing (household_id) WHERE end_on IS NULL;

-- 双结对 / 联建共建
CREATE TABLE twinning (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  partner    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('double_pairing', 'joint_building')),
  start_on   TEXT NOT NULL,
  end_on     TEXT,
  agreement  TEXT
);
CREATE TABLE twinning_activity (
  id          INTEGER PRIMARY KEY,
  twinning_id INTEGER NOT NULL REFERENCES twinning (id) ON DELETE CASCADE,
  happened_on TEXT NOT NULL,
  title       TEXT NOT NULL,
  notes       TEXT
);

-- 承诺践诺
CREATE TABLE pledge (
  id         INTEGER PRIMARY KEY,
  member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  text       TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'partly', 'not_kept')),
  assessment TEXT
);
CREATE INDEX pledge_member_year ON pledge (member_id, year);

-- 先锋岗 / 示范岗, 服务队 and volunteer activities.
CREATE TABLE post (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('vanguard', 'model')),
  name      TEXT NOT NULL,
  member_id INTEGER REFERENCES member (id) ON DELETE SET NULL,
  start_on  TEXT,
  end_on    TEXT
);
CREATE TABLE service_team (
  id     INTEGER PRIMARY KEY,
  org_id INTEGER REFERENCES organization (id) ON DELETE SET NULL,
  name   TEXT NOT NULL,
  focus  TEXT
);
CREATE TABLE service_team_member (
  team_id   INTEGER NOT NULL REFERENCES service_team (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, member_id)
);
CREATE TABLE volunteer_activity (
  id                 INTEGER PRIMARY KEY,
  team_id            INTEGER REFERENCES service_team (id) ON DELETE SET NULL,
  happened_on        TEXT NOT NULL,
  title              TEXT NOT NULL,
  hours              REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
  households_served  INTEGER NOT NULL DEFAULT 0 CHECK (households_served >= 0)
);
CREATE TABLE volunteer_activity_member (
  activity_id INTEGER NOT NULL REFERENCES volunteer_activity (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, member_id)
);

-- 群众评议
CREATE TABLE evaluation_campaign (
  id        INTEGER PRIMARY KEY,
  org_id    INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  year      INTEGER NOT NULL,
  title     TEXT NOT NULL,
  held_on   TEXT,
  UNIQUE (org_id, year)
);
CREATE TABLE ballot (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES evaluation_campaign (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  respondent  TEXT,              -- NULL: anonymous
  UNIQUE (campaign_id, number)
);
-- member_id NULL: the grade is for the organization itself.
CREATE TABLE ballot_grade (
  ballot_id INTEGER NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
  member_id INTEGER REFERENCES member (id) ON DELETE CASCADE,
  item      TEXT NOT NULL CHECK (item IN ('contact', 'appeals', 'relations', 'satisfaction')),
  grade     TEXT NOT NULL CHECK (grade IN ('satisfied', 'fairly', 'basically', 'dissatisfied'))
);
CREATE UNIQUE INDEX ballot_grade_key ON ballot_grade (ballot_id, COALESCE(member_id, 0), item);
CREATE TABLE member_review (
  campaign_id     INTEGER NOT NULL REFERENCES evaluation_campaign (id) ON DELETE CASCADE,
  member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  suggested_grade TEXT CHECK (suggested_grade IN ('excellent', 'qualified', 'basically', 'unqualified')),
  final_grade     TEXT CHECK (final_grade IN ('excellent', 'qualified', 'basically', 'unqualified')),
  override_reason TEXT,
  PRIMARY KEY (campaign_id, member_id)
);

-- Visit rules and pairing quotas (DESIGN.md §1 defaults).
CREATE TABLE visit_rule (
  code          TEXT PRIMARY KEY CHECK (code IN ('default', 'paired')),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 3660)
);
CREATE TABLE quota (
  role              TEXT PRIMARY KEY
                    CHECK (role IN ('secretary', 'deputy', 'committee', 'group_leader', 'member')),
  households        INTEGER NOT NULL CHECK (households >= 0),
  paired_visits_year INTEGER NOT NULL DEFAULT 2 CHECK (paired_visits_year >= 0),
  field_visits_month INTEGER NOT NULL DEFAULT 0 CHECK (field_visits_month >= 0)
);

INSERT INTO visit_rule (code, interval_days) VALUES ('default', 365), ('paired', 182);
INSERT INTO quota (role, households, paired_visits_year, field_visits_month) VALUES
  ('secretary', 5, 2, 1), ('deputy', 3, 2, 1), ('committee', 3, 2, 1),
  ('group_leader', 2, 2, 0), ('member', 1, 2, 0);
INSERT INTO need_tag (code, label, visit_interval_days, position) VALUES
  ('dibao', '低保', 90, 1),
  ('tekun', '特困', 90, 2),
  ('disabled', '残疾', 90, 3),
  ('elderly_alone', '独居/空巢老人', 90, 4),
  ('left_behind_child', '留守儿童', 90, 5),
  ('unemployed', '失业', 90, 6),
  ('serious_illness', '大病', 90, 7),
  ('veteran', '退役军人', 90, 8),
  ('needy_worker', '困难职工', 90, 9);

-- Derived household columns. A household's rule is the shortest of: the
-- default, its need tags', and the paired rule while someone is paired with it.
CREATE VIEW household_rule AS
SELECT h.id AS household_id,
       MIN((SELECT interval_days FROM visit_rule WHERE code = 'default'),
           COALESCE((SELECT MIN(t.visit_interval_days) FROM household_need n
                     JOIN need_tag t ON t.code = n.tag WHERE n.household_id = h.id), 3660),
           CASE WHEN EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.end_on IS NULL)
                THEN (SELECT interval_days FROM visit_rule WHERE code = 'paired') ELSE 3660 END)
         AS rule_days,
       EXISTS (SELECT 1 FROM household_need n WHERE n.household_id = h.id) AS needy
FROM household h;

-- A new tag can only make the rule shorter: the minimum with the tag's
-- interval is the view's answer without building the view once per row,
-- which an import of tens of thousands of tagged households would feel.
CREATE TRIGGER household_need_ins AFTER INSERT ON household_need BEGIN
  UPDATE household SET needy = 1,
    rule_days = MIN(rule_days, (SELECT visit_interval_days FROM need_tag WHERE code = NEW.tag))
  WHERE id = NEW.household_id;
END;
CREATE TRIGGER household_need_del AFTER DELETE ON household_need BEGIN
  UPDATE household SET needy = r.needy, rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id AND household.id = OLD.household_id;
END;
CREATE TRIGGER pairing_ins AFTER INSERT ON pairing BEGIN
  UPDATE household SET rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id AND household.id = NEW.household_id;
END;
CREATE TRIGGER pairing_upd AFTER UPDATE OF end_on, household_id ON pairing BEGIN
  UPDATE household SET rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id
   AND household.id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER pairing_del AFTER DELETE ON pairing BEGIN
  UPDATE household SET rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id AND household.id = OLD.household_id;
END;
CREATE TRIGGER need_tag_interval AFTER UPDATE OF visit_interval_days ON need_tag BEGIN
  UPDATE household SET rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id
   AND household.id IN (SELECT household_id FROM household_need WHERE tag = NEW.code);
END;
CREATE TRIGGER visit_rule_interval AFTER UPDATE ON visit_rule BEGIN
  UPDATE household SET rule_days = r.rule_days
  FROM household_rule r WHERE r.household_id = household.id;
END;

-- The last home visit of each household.
CREATE TRIGGER visit_household_ins AFTER INSERT ON visit_household BEGIN
  UPDATE household SET last_visit_on =
    (SELECT MAX(substr(v.happened_at, 1, 10)) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id
      WHERE vh.household_id = NEW.household_id AND v.kind = 'home')
  WHERE id = NEW.household_id;
END;
CREATE TRIGGER visit_household_del AFTER DELETE ON visit_household BEGIN
  UPDATE household SET last_visit_on =
    (SELECT MAX(substr(v.happened_at, 1, 10)) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id
      WHERE vh.household_id = OLD.household_id AND v.kind = 'home')
  WHERE id = OLD.household_id;
END;
CREATE TRIGGER visit_upd AFTER UPDATE OF happened_at, kind ON visit BEGIN
  UPDATE household SET last_visit_on =
    (SELECT MAX(substr(v.happened_at, 1, 10)) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id
      WHERE vh.household_id = household.id AND v.kind = 'home')
  WHERE id IN (SELECT household_id FROM visit_household WHERE visit_id = NEW.id);
END;

-- Members view (党员): a member transferred out keeps their row and history;
-- when they left and where to are recorded beside the status.
ALTER TABLE member ADD COLUMN transferred_on TEXT;
ALTER TABLE member ADD COLUMN transferred_to TEXT;
CREATE INDEX member_status ON member (deleted_at, status);
-- Residents edited with their household (issue 3, item 7): a free note each.
ALTER TABLE resident ADD COLUMN notes TEXT;

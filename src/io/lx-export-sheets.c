/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-export-private.h"

/* The ledgers (台账): one query and one column list each. The queries return
 * their columns in the sheet's order; enum codes become labels through the
 * SQL function lx_label(), so that the ledgers are translated. */

/* ---------------------------------------------------------------- labels */

typedef struct
{
  const char *kind;
  const char *code;
  const char *label;
} Label;

static const Label labels[] = {
  { "visit", "home", N_("Home visit") },
  { "visit", "phone", N_("Phone call") },
  { "visit", "field", N_("Field visit") },
  { "visit", "reception", N_("Reception") },
  { "visit", "other", N_("Other") },
  { "channel", "home_visit", N_("Home visit") },
  { "channel", "field_visit", N_("Field visit") },
  { "channel", "reception", N_("Reception day") },
  { "channel", "suggestion_box", N_("Suggestion box") },
  { "channel", "hotline", N_("Hotline") },
  { "channel", "report_line", N_("Reporting line") },
  { "channel", "website", N_("Party-building website") },
  { "channel", "other", N_("Other") },
  { "concern", "think", N_("Thoughts") },
  { "concern", "hope", N_("Hopes") },
  { "concern", "worry", N_("Worries") },
  { "concern", "anxiety", N_("Anxieties") },
  { "concern", "hardship", N_("Hardships") },
  { "domain", "employment", N_("Employment") },
  { "domain", "education", N_("Education") },
  { "domain", "medical", N_("Medical care") },
  { "domain", "environment", N_("Environment") },
  { "domain", "political", N_("Political") },
  { "domain", "culture", N_("Culture") },
  { "domain", "legal", N_("Legal") },
  { "domain", "other", N_("Other") },
  { "priority", "most_practical", N_("Most practical") },
  { "priority", "most_concerned", N_("Of most concern") },
  { "priority", "most_direct", N_("Most direct") },
  { "mechanism", "self_help", N_("Self-help and mutual help") },
  { "mechanism", "window", N_("Service window") },
  { "mechanism", "coordinated", N_("Coordinated") },
  { "status", "received", N_("Received") },
  { "status", "in_progress", N_("In progress") },
  { "status", "resolved", N_("Resolved") },
  { "status", "responded", N_("Responded") },
  { "status", "escalated", N_("Escalated") },
  { "status", "closed", N_("Closed") },
  { "level", "branch", N_("Branch") },
  { "level", "service_centre", N_("Service centre") },
  { "level", "street", N_("Street or town coordination") },
  { "level", "upward", N_("Escalated upward") },
  { "level", "pending_hard", N_("Hard to solve for now") },
  { "grade", "satisfied", N_("Satisfied") },
  { "grade", "fairly", N_("Fairly satisfied") },
  { "grade", "basically", N_("Basically satisfied") },
  { "grade", "dissatisfied", N_("Dissatisfied") },
  { "item", "contact", N_("Contacts and serves the masses") },
  { "item", "appeals", N_("Appeals solved or answered") },
  { "item", "relations", N_("Party–masses relations improved") },
  { "item", "satisfaction", N_("Satisfaction risen") },
  { "role", "secretary", N_("Secretary") },
  { "role", "deputy", N_("Deputy secretary") },
  { "role", "committee", N_("Committee member") },
  { "role", "group_leader", N_("Group leader") },
  { "role", "member", N_("Member") },
  { "bool", "1", N_("Yes") },
  { "bool", "0", N_("No") },
};

const char *
lx_export_label (const char *kind,
                 const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].code, code) == 0 && strcmp (labels[i].kind, kind) == 0)
      return _(labels[i].label);
  return code;
}

static void
sql_label (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const char *kind = (const char *)sqlite3_value_text (argv[0]);
  const char *code = (const char *)sqlite3_value_text (argv[1]);

  if (kind == NULL || code == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, lx_export_label (kind, code), -1, SQLITE_TRANSIENT);
}

gboolean
lx_export_register_labels (LxStore  *store,
                           GError  **error)
{
  if (sqlite3_create_function_v2 (lx_store_get_db (store), "lx_label", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_label,
                                  NULL, NULL, NULL) != SQLITE_OK)
    {
      lx_store_set_error (store, error, _("Cannot prepare the workbook"));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- ledgers */

#define ADDRESS \
  "CASE WHEN h.building_id IS NULL THEN coalesce (h.address, '') " \
  " ELSE coalesce (s.name, '') || coalesce (b.name, '') " \
  "   || CASE WHEN h.entrance > 0 THEN h.entrance || '单元' ELSE '' END " \
  "   || CASE WHEN coalesce (h.room, '') <> '' THEN h.room || '室' ELSE '' END END"

#define HOUSEHOLD_JOINS \
  " LEFT JOIN building b ON b.id = h.building_id LEFT JOIN site s ON s.id = b.site_id "

#define NEED_LABELS(h) \
  "(SELECT group_concat (label, '、') FROM (SELECT t.label FROM household_need n " \
  "  JOIN need_tag t ON t.code = n.tag WHERE n.household_id = " h " ORDER BY t.position))"

#define PARTICIPANTS(v) \
  "(SELECT group_concat (m.name, '、') FROM visit_member vm JOIN member m ON m.id = vm.member_id " \
  "  WHERE vm.visit_id = " v ")"

#define HOME_VISITS_IN_PERIOD(h) \
  "(SELECT count(*) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id " \
  "  WHERE vh.household_id = " h " AND v.kind = 'home' " \
  "    AND v.happened_at >= :from AND v.happened_at < :until)"

static gboolean
write_ledger (LxExportJob     *job,
              const char      *name,
              const LxColumn  *columns,
              int              n_columns,
              const char      *count_sql,
              const char      *sql,
              GError         **error)
{
  g_autoptr(LxSheet) sheet = NULL;
  gint64 expected = lx_export_query_count (job, count_sql, FALSE, error);
  sqlite3_stmt *stmt;

  if (expected < 0)
    return FALSE;
  if (!(sheet = lx_sheet_begin (job, name, columns, n_columns, expected, error)))
    return FALSE;
  if (!(stmt = lx_export_prepare (job, sql, FALSE, error)))
    return FALSE;
  return lx_sheet_write_query (sheet, stmt, error) && lx_sheet_finish (sheet, error);
}

#define HOUSEHOLD_WHERE " FROM household h WHERE h.id IN scope_household"

gboolean
lx_export_households (LxExportJob  *job,
                      GError      **error)
{
  static const LxColumn columns[] = {
    { N_("Head of household"), LX_CELL_TEXT },
    { N_("Phone"), LX_CELL_PHONE },
    { N_("ID number"), LX_CELL_ID_NUMBER },
    { N_("Address"), LX_CELL_TEXT },
    { N_("Zone"), LX_CELL_TEXT },
    { N_("People"), LX_CELL_NUMBER },
    { N_("Needs"), LX_CELL_TEXT },
    { N_("Paired member"), LX_CELL_TEXT },
    { N_("Last home visit"), LX_CELL_DATE },
    { N_("Home visits in period"), LX_CELL_NUMBER },
    { N_("Registered on"), LX_CELL_DATE },
  };

  return write_ledger (job, C_("sheet", "Households"), columns, G_N_ELEMENTS (columns),
                       LX_EXPORT_SCOPE "SELECT count(*)" HOUSEHOLD_WHERE,
                       LX_EXPORT_SCOPE
                       "SELECT h.head_name, h.phone, h.id_number, " ADDRESS ", z.name, h.size, "
                       NEED_LABELS ("h.id") ", "
                       " (SELECT m.name FROM pairing p JOIN member m ON m.id = p.member_id "
                       "   WHERE p.household_id = h.id AND p.end_on IS NULL), "
                       " h.last_visit_on, " HOME_VISITS_IN_PERIOD ("h.id") ", h.created_on "
                       "FROM household h" HOUSEHOLD_JOINS "LEFT JOIN zone z ON z.id = h.zone_id "
                       "WHERE h.id IN scope_household "
                       "ORDER BY h.needy DESC, s.name, b.name, h.entrance, h.floor, h.room, h.id",
                       error);
}

#define VISIT_WHERE(kinds) \
  " FROM visit v WHERE v.kind IN " kinds " AND v.happened_at >= :from " \
  " AND v.happened_at < :until AND " LX_EXPORT_VISIT_IN_SCOPE ("v")

#define VISIT_HOUSEHOLD \
  " LEFT JOIN household h ON h.id = (SELECT min (household_id) FROM visit_household " \
  "   WHERE visit_id = v.id) "

const char * const lx_export_visit_count_sql =
  LX_EXPORT_SCOPE "SELECT count(*)" VISIT_WHERE ("('home', 'phone')");

const char * const lx_export_visit_sql =
  LX_EXPORT_SCOPE
  "SELECT v.happened_at, lx_label ('visit', v.kind), h.head_name, " ADDRESS ", h.phone, "
  NEED_LABELS ("h.id") ", " PARTICIPANTS ("v.id") ", v.notes "
  "FROM visit v" VISIT_HOUSEHOLD HOUSEHOLD_JOINS
  "WHERE v.kind IN ('home', 'phone') AND v.happened_at >= :from AND v.happened_at < :until "
  "  AND " LX_EXPORT_VISIT_IN_SCOPE ("v") " ORDER BY v.happened_at, v.id";

const LxColumn lx_export_visit_columns[LX_EXPORT_VISIT_COLUMNS] = {
  { N_("Date and time"), LX_CELL_MOMENT },
  { N_("Kind"), LX_CELL_TEXT },
  { N_("Household"), LX_CELL_TEXT },
  { N_("Address"), LX_CELL_TEXT },
  { N_("Phone"), LX_CELL_PHONE },
  { N_("Needs"), LX_CELL_TEXT },
  { N_("Visited by"), LX_CELL_TEXT },
  { N_("Notes"), LX_CELL_LONG_TEXT },
};

gboolean
lx_export_visits (LxExportJob  *job,
                  GError      **error)
{
  return write_ledger (job, C_("sheet", "Visits"), lx_export_visit_columns, LX_EXPORT_VISIT_COLUMNS,
                       lx_export_visit_count_sql, lx_export_visit_sql, error);
}

gboolean
lx_export_field_visits (LxExportJob  *job,
                        GError      **error)
{
  static const LxColumn columns[] = {
    { N_("Date and time"), LX_CELL_MOMENT },
    { N_("Kind"), LX_CELL_TEXT },
    { N_("Contact point or place"), LX_CELL_TEXT },
    { N_("Household"), LX_CELL_TEXT },
    { N_("Phone"), LX_CELL_PHONE },
    { N_("Received or visited by"), LX_CELL_TEXT },
    { N_("Notes"), LX_CELL_LONG_TEXT },
  };

  return write_ledger (job, C_("sheet", "Field visits and receptions"), columns, G_N_ELEMENTS (columns),
                       LX_EXPORT_SCOPE "SELECT count(*)" VISIT_WHERE ("('field', 'reception')"),
                       LX_EXPORT_SCOPE
                       "SELECT v.happened_at, lx_label ('visit', v.kind), "
                       " coalesce (cp.name, e.place), h.head_name, h.phone, "
                       PARTICIPANTS ("v.id") ", v.notes "
                       "FROM visit v" VISIT_HOUSEHOLD
                       "LEFT JOIN contact_point cp ON cp.id = v.contact_point_id "
                       "LEFT JOIN event e ON e.id = v.event_id "
                       "WHERE v.kind IN ('field', 'reception') AND v.happened_at >= :from "
                       "  AND v.happened_at < :until AND " LX_EXPORT_VISIT_IN_SCOPE ("v")
                       " ORDER BY v.happened_at, v.id",
                       error);
}

#define APPEAL_WHERE \
  " FROM appeal a WHERE a.received_on >= :from AND a.received_on < :until " \
  " AND (:org = 0 OR a.assignee_id IN scope_member OR a.household_id IN scope_household)"

gboolean
lx_export_appeals (LxExportJob  *job,
                   GError      **error)
{
  static const LxColumn columns[] = {
    { N_("Received on"), LX_CELL_DATE },
    { N_("Channel"), LX_CELL_TEXT },
    { N_("From"), LX_CELL_TEXT },
    { N_("Phone"), LX_CELL_PHONE },
    { N_("Domain"), LX_CELL_TEXT },
    { N_("Concern"), LX_CELL_TEXT },
    { N_("Priority"), LX_CELL_TEXT },
    { N_("Appeal"), LX_CELL_LONG_TEXT },
    { N_("Assigned to"), LX_CELL_TEXT },
    { N_("Deadline"), LX_CELL_DATE },
    { N_("Mechanism"), LX_CELL_TEXT },
    { N_("Status"), LX_CELL_TEXT },
    { N_("Resolved at"), LX_CELL_TEXT },
    { N_("Resolution"), LX_CELL_LONG_TEXT },
    { N_("Closed on"), LX_CELL_DATE },
    { N_("Days to close"), LX_CELL_NUMBER },
    { N_("Follow-up satisfaction"), LX_CELL_TEXT },
    { N_("Overdue"), LX_CELL_TEXT },
  };

  return write_ledger (job, C_("sheet", "Appeals"), columns, G_N_ELEMENTS (columns),
                       LX_EXPORT_SCOPE "SELECT count(*)" APPEAL_WHERE,
                       LX_EXPORT_SCOPE
                       "SELECT a.received_on, lx_label ('channel', a.channel), "
                       " coalesce (h.head_name, a.anonymous_name), h.phone, "
                       " lx_label ('domain', a.domain), lx_label ('concern', a.concern), "
                       " lx_label ('priority', a.priority), a.description, m.name, a.deadline, "
                       " lx_label ('mechanism', a.mechanism), lx_label ('status', a.status), "
                       " lx_label ('level', a.resolution_level), "
                       " coalesce (a.resolution, a.superior_answer), a.closed_on, "
                       " CAST (julianday (a.closed_on) - julianday (a.received_on) AS INTEGER), "
                       " lx_label ('grade', a.satisfaction), "
                       " lx_label ('bool', a.status IN ('received', 'in_progress') "
                       "                   AND a.deadline < :today) "
                       "FROM appeal a LEFT JOIN household h ON h.id = a.household_id "
                       "LEFT JOIN member m ON m.id = a.assignee_id "
                       "WHERE a.received_on >= :from AND a.received_on < :until "
                       " AND (:org = 0 OR a.assignee_id IN scope_member "
                       "      OR a.household_id IN scope_household) "
                       "ORDER BY a.received_on, a.id",
                       error);
}

#define PAIRING_WHERE \
  " FROM pairing p JOIN household h ON h.id = p.household_id AND h.deleted_at IS NULL " \
  " WHERE p.start_on < :until AND (p.end_on IS NULL OR p.end_on >= :until) " \
  "   AND p.member_id IN scope_member"

gboolean
lx_export_pairings (LxExportJob  *job,
                    GError      **error)
{
  static const LxColumn columns[] = {
    { N_("Member"), LX_CELL_TEXT },
    { N_("Organization"), LX_CELL_TEXT },
    { N_("Role"), LX_CELL_TEXT },
    { N_("Household"), LX_CELL_TEXT },
    { N_("Address"), LX_CELL_TEXT },
    { N_("Phone"), LX_CELL_PHONE },
    { N_("Needs"), LX_CELL_TEXT },
    { N_("Paired since"), LX_CELL_DATE },
    { N_("Home visits in period"), LX_CELL_NUMBER },
  };

  return write_ledger (job, C_("sheet", "Pairings"), columns, G_N_ELEMENTS (columns),
                       LX_EXPORT_SCOPE "SELECT count(*)" PAIRING_WHERE,
                       LX_EXPORT_SCOPE
                       "SELECT m.name, o.name, lx_label ('role', m.role), h.head_name, "
                       ADDRESS ", h.phone, " NEED_LABELS ("h.id") ", p.start_on, "
                       HOME_VISITS_IN_PERIOD ("h.id") " "
                       "FROM pairing p JOIN household h ON h.id = p.household_id "
                       " AND h.deleted_at IS NULL" HOUSEHOLD_JOINS
                       "JOIN member m ON m.id = p.member_id "
                       "LEFT JOIN organization o ON o.id = m.org_id "
                       "WHERE p.start_on < :until AND (p.end_on IS NULL OR p.end_on >= :until) "
                       "  AND p.member_id IN scope_member "
                       "ORDER BY o.position, o.id, m.id, p.start_on, p.id",
                       error);
}

/* One row per campaign, person graded (or the organization) and item. */
#define EVALUATION_FROM \
  " FROM ballot_grade g JOIN ballot bt ON bt.id = g.ballot_id " \
  " JOIN evaluation_campaign c ON c.id = bt.campaign_id " \
  " WHERE c.year BETWEEN CAST (substr (:from, 1, 4) AS INTEGER) " \
  "                  AND CAST (substr (:year_from, 1, 4) AS INTEGER) " \
  "   AND (g.member_id IN scope_member " \
  "        OR (g.member_id IS NULL AND (:org = 0 OR c.org_id IN sub))) "

gboolean
lx_export_evaluation (LxExportJob  *job,
                      GError      **error)
{
  static const LxColumn columns[] = {
    { N_("Evaluation"), LX_CELL_TEXT },
    { N_("Evaluated"), LX_CELL_TEXT },
    { N_("Organization"), LX_CELL_TEXT },
    { N_("Item"), LX_CELL_TEXT },
    { N_("Satisfied"), LX_CELL_NUMBER },
    { N_("Fairly satisfied"), LX_CELL_NUMBER },
    { N_("Basically satisfied"), LX_CELL_NUMBER },
    { N_("Dissatisfied"), LX_CELL_NUMBER },
    { N_("Ballots"), LX_CELL_NUMBER },
    { N_("Satisfaction rate"), LX_CELL_PERCENT },
  };
  g_autofree char *whole = g_strdup (_("The organization"));
  g_autofree char *sql = NULL;

  /* The organization's own row is named in the interface language. */
  sql = g_strdup_printf (LX_EXPORT_SCOPE
                         "SELECT c.title, coalesce (m.name, %s), "
                         " CASE WHEN m.id IS NULL THEN co.name ELSE mo.name END, "
                         " lx_label ('item', g.item), "
                         " sum (g.grade = 'satisfied'), sum (g.grade = 'fairly'), "
                         " sum (g.grade = 'basically'), sum (g.grade = 'dissatisfied'), count(*), "
                         " 1.0 * sum (g.grade IN ('satisfied', 'fairly')) / count(*) "
                         "FROM ballot_grade g JOIN ballot bt ON bt.id = g.ballot_id "
                         "JOIN evaluation_campaign c ON c.id = bt.campaign_id "
                         "LEFT JOIN member m ON m.id = g.member_id "
                         "LEFT JOIN organization mo ON mo.id = m.org_id "
                         "LEFT JOIN organization co ON co.id = c.org_id "
                         "WHERE c.year BETWEEN CAST (substr (:from, 1, 4) AS INTEGER) "
                         "                 AND CAST (substr (:year_from, 1, 4) AS INTEGER) "
                         "  AND (g.member_id IN scope_member "
                         "       OR (g.member_id IS NULL AND (:org = 0 OR c.org_id IN sub))) "
                         "GROUP BY c.id, g.member_id, g.item "
                         "ORDER BY c.year, c.id, g.member_id IS NOT NULL, mo.position, m.id, "
                         " CASE g.item WHEN 'contact' THEN 1 WHEN 'appeals' THEN 2 "
                         "  WHEN 'relations' THEN 3 ELSE 4 END",
                         ":whole");
  {
    g_autoptr(LxSheet) sheet = NULL;
    sqlite3_stmt *stmt;
    gint64 expected = lx_export_query_count (job, LX_EXPORT_SCOPE "SELECT count(*) FROM "
                                             "(SELECT 1" EVALUATION_FROM
                                             "GROUP BY c.id, g.member_id, g.item)", FALSE, error);

    if (expected < 0)
      return FALSE;
    if (!(sheet = lx_sheet_begin (job, C_("sheet", "Evaluation results"), columns, G_N_ELEMENTS (columns),
                                  expected, error)))
      return FALSE;
    if (!(stmt = lx_export_prepare (job, sql, FALSE, error)))
      return FALSE;
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":whole"), whole, -1,
                       SQLITE_TRANSIENT);
    return lx_sheet_write_query (sheet, stmt, error) && lx_sheet_finish (sheet, error);
  }
}

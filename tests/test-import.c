/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <xlsxwriter.h>

#include "lx-import.h"
#include "lx-repo.h"
#include "lx-test-util.h"
#include "lx-validate.h"

/* Roster and ledger import with known answers. Every file is written by the
 * test itself: CSVs in each encoding (g_convert), XLSX by libxlsxwriter and
 * a minimal XLSX zipped by hand with libarchive. */

static char *
write_file (LxFixture  *fx,
            const char *name,
            const char *utf8,
            const char *encoding)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len = strlen (utf8);
  g_autoptr(GError) error = NULL;

  if (encoding != NULL)
    {
      data = g_convert (utf8, -1, encoding, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  else
    data = g_strdup (utf8);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static LxImportResult *
import_path (LxFixture       *fx,
             const char      *path,
             LxImportKind     kind,
             LxImportOnMatch  on_match)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = lx_import_new_from_file (path, kind, NULL, &error);
  LxImportResult *result;

  g_assert_no_error (error);
  lx_import_set_on_match (import, on_match);
  result = lx_import_run (import, fx->store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
query_text (LxFixture  *fx,
            const char *sql)
{
  sqlite3_stmt *stmt = lx_store_prepare (fx->store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

static gint64
query_int (LxFixture  *fx,
           const char *sql)
{
  return lx_store_query_int (fx->store, sql, NULL);
}

static void
dump_problems (const LxImportResult *r)
{
  for (guint i = 0; i < r->problems->len; i++)
    {
      g_autofree char *line = lx_import_problem_format (g_ptr_array_index (r->problems, i));
      g_test_message ("%s", line);
    }
}

#define ROSTER \
  "幸福里社区群众户花名册\n" \
  ",,,\n" \
  "户主姓名,联系电话,小区,楼栋,单元,门牌,困难类型,人口,备注\n" \
  "张三, 13812345678 ,幸福里,3,2,501,低保、残疾,3,\n" \
  "\n" \
  "李四,１３９１２３４５６７８,幸福里,3号楼,1,302室,独居/空巢老人,1,独居\n"

static void
check_roster (LxFixture *fx)
{
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;

  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 2);
  phone = query_text (fx, "SELECT phone FROM household WHERE head_name = '李四'");
  g_assert_cmpstr (phone, ==, "13912345678");
  address = query_text (fx, "SELECT s.name || b.name || h.entrance || '-' || h.room || '-' || h.floor "
                            "FROM household h JOIN building b ON b.id = h.building_id "
                            "JOIN site s ON s.id = b.site_id WHERE head_name = '张三'");
  g_assert_cmpstr (address, ==, "幸福里3号楼2-501-5");
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household_need n JOIN household h "
                                  "ON h.id = n.household_id WHERE h.head_name = '张三'"), ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household_need WHERE tag = 'elderly_alone'"), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT floors FROM building"), ==, 5);
}

static void
test_csv_encodings (LxFixture     *fx,
                    gconstpointer  data)
{
  const char *encoding = data;
  g_autofree char *text = g_strconcat (g_str_equal (encoding, "BOM") ? "\xEF\xBB\xBF" : "", ROSTER, NULL);
  g_autofree char *path = write_file (fx, "roster.csv", text,
                                      g_str_equal (encoding, "UTF-8") || g_str_equal (encoding, "BOM")
                                      ? NULL : encoding);
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = lx_import_new_from_file (path, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_autoptr(LxImportResult) r = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lx_import_get_header_row (import), ==, 3);
  g_assert_cmpstr (lx_import_get_encoding (import), ==,
                   g_str_equal (encoding, "GBK") || g_str_equal (encoding, "GB18030") ? "GB18030" : "UTF-8");
  g_assert_cmpuint (lx_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (lx_import_get_row_number (import, 1), ==, 6);
  g_assert_cmpint (lx_import_get_mapping (import, 0), ==, LX_FIELD_NAME);
  g_assert_cmpint (lx_import_get_mapping (import, 5), ==, LX_FIELD_ROOM);

  r = lx_import_run (import, fx->store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump_problems (r);
  g_assert_cmpuint (r->problems->len, ==, 0);
  g_assert_cmpuint (r->added, ==, 2);
  check_roster (fx);
}

static void
test_gb18030_only (LxFixture     *fx,
                   gconstpointer  data)
{
  /* 䶮 is in GB18030 but not in GBK. */
  g_autofree char *path = write_file (fx, "r.csv", "姓名,住址\n刘䶮,和平路1号\n", "GB18030");
  g_autoptr(LxImportResult) r = import_path (fx, path, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autofree char *name = query_text (fx, "SELECT head_name FROM household");

  g_assert_cmpuint (r->added, ==, 1);
  g_assert_cmpstr (name, ==, "刘䶮");
}

static void
test_header_guessing (void)
{
  g_autoptr(GError) error = NULL;
  const char *csv = "Household roster 2026\n\nHead of household,Mobile,Address,Need,Size,Remarks,Whatever\nA,,x,,,,\n";
  LxTable *table = lx_table_read_csv (csv, strlen (csv), &error);
  g_autoptr(LxImport) import = NULL;

  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "户主姓名（必填）"), ==, LX_FIELD_NAME);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, " 手机号 "), ==, LX_FIELD_PHONE);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "家庭住址"), ==, LX_FIELD_ADDRESS);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "楼号"), ==, LX_FIELD_BUILDING);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "公民身份号码"), ==, LX_FIELD_ID_NUMBER);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "家庭人数"), ==, LX_FIELD_SIZE);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "困难类别"), ==, LX_FIELD_NEED_TAGS);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "网格"), ==, LX_FIELD_ZONE);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_HOUSEHOLDS, "序号"), ==, LX_FIELD_IGNORE);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_MEMBERS, "所在支部"), ==, LX_FIELD_BRANCH);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_MEMBERS, "入党日期"), ==, LX_FIELD_JOIN_DATE);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_VISITS, "走访党员"), ==, LX_FIELD_VISITORS);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_VISITS, "民情"), ==, LX_FIELD_NOTES);
  g_assert_cmpint (lx_import_guess_field (LX_IMPORT_VISITS, "走访对象"), ==, LX_FIELD_NAME);

  g_assert_no_error (error);
  import = lx_import_new_for_table (table, "x.csv", LX_IMPORT_HOUSEHOLDS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lx_import_get_header_row (import), ==, 3);
  g_assert_cmpint (lx_import_get_mapping (import, 1), ==, LX_FIELD_PHONE);
  g_assert_cmpint (lx_import_get_mapping (import, 3), ==, LX_FIELD_NEED_TAGS);
  g_assert_cmpint (lx_import_get_mapping (import, 6), ==, LX_FIELD_IGNORE);
  /* Remapping a column takes the field away from the column that had it. */
  lx_import_set_mapping (import, 6, LX_FIELD_PHONE);
  g_assert_cmpint (lx_import_get_mapping (import, 1), ==, LX_FIELD_IGNORE);
  g_assert_cmpint (lx_import_get_mapping (import, 6), ==, LX_FIELD_PHONE);

  {
    const char *none = "a,b\nc,d\n";
    LxTable *t = lx_table_read_csv (none, strlen (none), NULL);
    g_autoptr(LxImport) bad = lx_import_new_for_table (t, "none.csv", LX_IMPORT_HOUSEHOLDS, &error);
    g_assert_null (bad);
    g_assert_error (error, LX_IMPORT_ERROR, LX_IMPORT_ERROR_NO_HEADER);
  }
}

static void
test_dates (LxFixture     *fx,
            gconstpointer  data)
{
  const char *csv =
    "姓名,性别,出生日期,入党日期,所在支部,职务\n"
    "甲,男,1980/3/5,2024-03-05,第一支部,书记\n"
    "乙,女,1980-03-05,2024.3.5,第一支部,委员\n"
    "丙,男,1980.3.5,2024年3月5日,第一支部,\n"
    "丁,女,1980年3月5日,45356,第二支部,小组长\n"
    "戊,男,１９８０年３月５日,２０２４／３／５,第二支部,党员\n"
    "己,女, 29285 ,2024/03/05,第二支部,\n";
  g_autofree char *path = write_file (fx, "m.csv", csv, "GBK");
  g_autoptr(LxImportResult) r = import_path (fx, path, LX_IMPORT_MEMBERS, LX_IMPORT_ON_MATCH_UPDATE);

  dump_problems (r);
  g_assert_cmpuint (r->problems->len, ==, 0);
  g_assert_cmpuint (r->added, ==, 6);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM member WHERE birth_date = '1980-03-05'"), ==, 6);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM member WHERE join_date = '2024-03-05'"), ==, 6);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM organization WHERE kind = 'branch'"), ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM member WHERE role = 'secretary' AND gender = 'male'"), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM member WHERE role = 'group_leader'"), ==, 1);
}

static void
test_errors_nothing_written (LxFixture     *fx,
                             gconstpointer  data)
{
  const char *csv =
    "户主,电话,地址,身份证号,类别,人口\n"
    "好人,13812345678,和平路1号,,,2\n"
    "坏电话,12345,和平路2号,,,1\n"
    ",,和平路3号,,,\n"
    "坏类别,,和平路4号,110101199003071234,火星人,\n"
    "重复,,和平路5号,,,\n"
    "重复,,和平路5号,,,\n";
  g_autofree char *path = write_file (fx, "bad.csv", csv, NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(LxImportResult) r = NULL;
  LxImportProblem *p;

  g_clear_object (&fx->store);
  before = lx_test_checksum_file (fx->path);
  fx->store = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, NULL);
  r = import_path (fx, path, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  dump_problems (r);
  g_assert_cmpuint (r->added, ==, 0);
  g_assert_cmpuint (r->problems->len, ==, 5);
  p = g_ptr_array_index (r->problems, 0);
  g_assert_cmpuint (p->row, ==, 3);
  g_assert_cmpstr (p->column, ==, "电话");
  g_assert_nonnull (strstr (p->message, "12345"));
  p = g_ptr_array_index (r->problems, 1);
  g_assert_cmpuint (p->row, ==, 4);
  g_assert_cmpstr (p->column, ==, "户主");
  p = g_ptr_array_index (r->problems, 2);
  g_assert_cmpuint (p->row, ==, 5);
  g_assert_cmpstr (p->column, ==, "身份证号");
  p = g_ptr_array_index (r->problems, 3);
  g_assert_cmpuint (p->row, ==, 5);
  g_assert_cmpstr (p->column, ==, "类别");
  g_assert_nonnull (strstr (p->message, "火星人"));
  p = g_ptr_array_index (r->problems, 4);
  g_assert_cmpuint (p->row, ==, 7);
  {
    g_autofree char *line = lx_import_problem_format (g_ptr_array_index (r->problems, 0));
    g_assert_true (g_str_has_prefix (line, "row 3, 电话: "));
  }
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 0);
  g_clear_object (&fx->store);
  after = lx_test_checksum_file (fx->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_match_update_skip (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autofree char *first = write_file (fx, "a.csv",
                                       "户主姓名,联系电话,住址,人口,备注,困难类型\n"
                                       "张三,13812345678,和平路 1号,3,老党员家属,低保\n"
                                       "李四,,和平路2号,2,,\n", NULL);
  /* The second ledger: blank phone and notes, new size and tag, one new household. */
  g_autofree char *second = write_file (fx, "b.csv",
                                        "姓名,电话,地址,人数,备注,类别\n"
                                        "张三,,和平路1号,4,,残疾\n"
                                        "李四,,和平路２号,,,\n"
                                        "王五,,和平路3号,,,\n", NULL);
  g_autoptr(LxImportResult) r1 = import_path (fx, first, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) skip = NULL;
  g_autoptr(LxImportResult) r2 = NULL;
  g_autoptr(LxImportResult) r3 = NULL;
  g_autofree char *phone = NULL, *notes = NULL, *before = NULL, *after = NULL;

  g_assert_cmpuint (r1->added, ==, 2);
  skip = import_path (fx, second, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_SKIP);
  g_assert_cmpuint (skip->added, ==, 1);
  g_assert_cmpuint (skip->skipped, ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT size FROM household WHERE head_name = '张三'"), ==, 3);

  r2 = import_path (fx, second, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  g_assert_cmpuint (r2->added, ==, 0);
  g_assert_cmpuint (r2->updated, ==, 1);
  g_assert_cmpuint (r2->unchanged, ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 3);
  g_assert_cmpint (query_int (fx, "SELECT size FROM household WHERE head_name = '张三'"), ==, 4);
  phone = query_text (fx, "SELECT phone FROM household WHERE head_name = '张三'");
  notes = query_text (fx, "SELECT notes FROM household WHERE head_name = '张三'");
  g_assert_cmpstr (phone, ==, "13812345678");
  g_assert_cmpstr (notes, ==, "老党员家属");
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household_need"), ==, 2);

  /* A second time changes nothing, not even the change log. */
  g_clear_object (&fx->store);
  before = lx_test_checksum_file (fx->path);
  fx->store = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, NULL);
  r3 = import_path (fx, second, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  g_assert_cmpuint (r3->added, ==, 0);
  g_assert_cmpuint (r3->updated, ==, 0);
  g_assert_cmpuint (r3->unchanged, ==, 3);
  g_clear_object (&fx->store);
  after = lx_test_checksum_file (fx->path);
  g_assert_cmpstr (before, ==, after);
  fx->store = lx_store_open (fx->path, LX_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM change_log WHERE action = 'import' "
                                  "AND table_name = 'household'"), ==, 3);
}

static void
test_xlsx_writer (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "roster.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "花名册");
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_format *cn_date = workbook_add_format (wb);
  lxw_datetime d1 = { 2024, 3, 5, 0, 0, 0 };
  const char *headers[] = { "户主姓名", "联系电话", "小区", "楼栋", "单元", "房号", "登记日期", "身份证号" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = NULL;
  g_autoptr(LxImportResult) r = NULL;
  g_autofree char *phone = NULL;

  format_set_num_format (date_fmt, "yyyy-mm-dd");
  format_set_num_format (cn_date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (ws, 0, 0, 0, 7, "光明社区群众户花名册", NULL);
  for (int c = 0; c < 8; c++)
    worksheet_write_string (ws, 1, c, headers[c], NULL);
  worksheet_write_string (ws, 2, 0, "张三", NULL);
  worksheet_write_number (ws, 2, 1, 13812345678.0, NULL);
  worksheet_write_string (ws, 2, 2, "光明里", NULL);
  worksheet_write_number (ws, 2, 3, 7, NULL);
  worksheet_write_number (ws, 2, 4, 1, NULL);
  worksheet_write_number (ws, 2, 5, 1203, NULL);
  worksheet_write_datetime (ws, 2, 6, &d1, date_fmt);
  worksheet_write_string (ws, 2, 7, "11010519491231002X", NULL);
  worksheet_write_string (ws, 4, 0, "李四", NULL);
  worksheet_write_string (ws, 4, 2, "光明里", NULL);
  worksheet_write_string (ws, 4, 3, "7号楼", NULL);
  worksheet_write_datetime (ws, 4, 6, &d1, cn_date);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  import = lx_import_new_from_file (path, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lx_import_get_header_row (import), ==, 2);
  g_assert_cmpuint (lx_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (lx_import_get_row_number (import, 1), ==, 5);
  g_assert_cmpstr (lx_import_get_cell (import, 0, 1), ==, "13812345678");
  g_assert_cmpstr (lx_import_get_cell (import, 0, 6), ==, "2024-03-05");
  g_assert_cmpstr (lx_import_get_cell (import, 1, 6), ==, "2024-03-05");
  g_assert_cmpstr (lx_import_get_cell (import, 0, 5), ==, "1203");

  r = lx_import_run (import, fx->store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump_problems (r);
  g_assert_cmpuint (r->added, ==, 2);
  phone = query_text (fx, "SELECT phone || ' ' || floor || ' ' || room FROM household WHERE head_name = '张三'");
  g_assert_cmpstr (phone, ==, "13812345678 12 1203");
  g_assert_cmpint (query_int (fx, "SELECT floors * 100 + rooms_per_floor FROM building"), ==, 1203);
}

static void
add_entry (struct archive *a,
           const char     *name,
           const char     *text)
{
  struct archive_entry *e = archive_entry_new ();

  archive_entry_set_pathname (e, name);
  archive_entry_set_size (e, strlen (text));
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (a, text, strlen (text)), ==, (la_ssize_t)strlen (text));
  archive_entry_free (e);
}

/* A minimal workbook as some generators write it: inline strings, a
 * namespace prefix, no shared strings, no styles, cells without "r". */
static void
test_xlsx_inline (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "inline.xlsx", NULL);
  struct archive *a = archive_write_new ();
  g_autoptr(LxImportResult) r = NULL;
  g_autofree char *row = NULL;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  add_entry (a, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>");
  add_entry (a, "xl/workbook.xml",
             "<?xml version=\"1.0\"?><x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
             "<x:sheets><x:sheet name=\"S\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets></x:workbook>");
  add_entry (a, "xl/_rels/workbook.xml.rels",
             "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId7\" Type=\"x\" Target=\"worksheets/data.xml\"/></Relationships>");
  add_entry (a, "xl/worksheets/data.xml",
             "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
             "<x:sheetData>"
             "<x:row><x:c t=\"inlineStr\"><x:is><x:t>姓名</x:t></x:is></x:c>"
             "<x:c t=\"inlineStr\"><x:is><x:r><x:t>住</x:t></x:r><x:r><x:t>址</x:t></x:r></x:is></x:c></x:row>"
             "<x:row><x:c t=\"inlineStr\"><x:is><x:t> 周七 </x:t><x:rPh><x:t>zhou</x:t></x:rPh></x:is></x:c>"
             "<x:c t=\"inlineStr\"><x:is><x:t>建设路8号</x:t></x:is></x:c></x:row>"
             "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c></x:row>"
             "</x:sheetData></x:worksheet>");
  /* Phonetic readings are not text; entities and CDATA are. */
  add_entry (a, "xl/sharedStrings.xml",
             "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
             "<si><t>钱八</t><rPh sb=\"0\" eb=\"1\"><t>qian</t></rPh></si><si/>"
             "<si><r><t>A&amp;B</t></r><r><t><![CDATA[路<1>号]]></t></r></si></sst>");
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);

  r = import_path (fx, path, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  dump_problems (r);
  g_assert_cmpuint (r->added, ==, 2);
  row = query_text (fx, "SELECT group_concat (head_name || '|' || address, ';') FROM "
                        "(SELECT * FROM household ORDER BY id)");
  g_assert_cmpstr (row, ==, "周七|建设路8号;钱八|A&B路<1>号");
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("户主姓名,住址\n");
  g_autofree char *path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = NULL;
  LxImportResult *r;

  for (int i = 0; i < 3000; i++)
    g_string_append_printf (csv, "户主%d,长江路%d号\n", i, i);
  path = write_file (fx, "big.csv", csv->str, NULL);
  import = lx_import_new_from_file (path, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_assert_no_error (error);
  r = lx_import_run (import, fx->store, FALSE, cancel_on_progress, cancellable, cancellable, &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 0);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM change_log"), ==, 0);
}

typedef struct
{
  GMainLoop      *loop;
  LxImportResult *result;
  GError         *error;
  guint           progress_calls;
  GThread        *main_thread;
} AsyncState;

static void
on_async_progress (double   fraction,
                   gpointer user_data)
{
  AsyncState *st = user_data;

  g_assert_true (g_thread_self () == st->main_thread);
  st->progress_calls++;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  AsyncState *st = user_data;

  st->result = lx_import_run_finish (LX_IMPORT (source), res, &st->error);
  g_main_loop_quit (st->loop);
}

static void
test_async (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("户主姓名,住址\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = NULL;
  AsyncState st = { 0 };

  for (int i = 0; i < 2000; i++)
    g_string_append_printf (csv, "户主%d,长江路%d号\n", i, i);
  path = write_file (fx, "big.csv", csv->str, NULL);
  import = lx_import_new_from_file (path, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_assert_no_error (error);
  /* lx_store_open reads the header from the main file: a database just
   * created has it only in the WAL until a checkpoint (reported to the lead). */
  g_assert_true (lx_store_exec (fx->store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  st.loop = g_main_loop_new (NULL, FALSE);
  st.main_thread = g_thread_self ();
  lx_import_run_async (import, fx->path, FALSE, on_async_progress, &st, NULL, on_async_done, &st);
  g_main_loop_run (st.loop);
  g_assert_no_error (st.error);
  g_assert_cmpuint (st.result->added, ==, 2000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (st.progress_calls, >, 1);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 2000);
  lx_import_result_free (st.result);
  g_main_loop_unref (st.loop);
}

static void
test_visits (LxFixture     *fx,
             gconstpointer  data)
{
  g_autofree char *roster = write_file (fx, "h.csv",
                                        "户主姓名,小区,楼栋,单元,门牌\n张三,幸福里,3,2,501\n李四,幸福里,3,1,302\n", NULL);
  g_autofree char *members = write_file (fx, "m.csv", "姓名,所在支部\n王书记,第一支部\n赵委员,第一支部\n", NULL);
  g_autofree char *ledger = write_file (fx, "v.csv",
                                        "走访台账\n"
                                        "走访日期,走访人,户主,地址,走访情况,走访方式\n"
                                        "2026年3月5日,王书记、赵委员,张三,幸福里3号楼2单元501室,身体好,入户\n"
                                        "2026/4/1,王书记,李四,,电话问候,电话\n", "GBK");
  g_autofree char *bad = write_file (fx, "bad.csv",
                                     "走访日期,走访人,户主,地址\n"
                                     "2027-01-01,王书记,张三,\n"
                                     "2026-01-01,钱某,孙某,无名路\n", NULL);
  g_autoptr(LxImportResult) r1 = import_path (fx, roster, LX_IMPORT_HOUSEHOLDS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) r2 = import_path (fx, members, LX_IMPORT_MEMBERS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) v1 = import_path (fx, ledger, LX_IMPORT_VISITS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) v2 = NULL;
  g_autoptr(LxImportResult) v3 = NULL;
  g_autofree char *last = NULL;

  dump_problems (v1);
  g_assert_cmpuint (v1->added, ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM visit WHERE kind = 'phone'"), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM visit_member"), ==, 3);
  last = query_text (fx, "SELECT last_visit_on FROM household WHERE head_name = '张三'");
  g_assert_cmpstr (last, ==, "2026-03-05");

  v2 = import_path (fx, ledger, LX_IMPORT_VISITS, LX_IMPORT_ON_MATCH_UPDATE);
  g_assert_cmpuint (v2->added, ==, 0);
  g_assert_cmpuint (v2->unchanged, ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM visit"), ==, 2);

  v3 = import_path (fx, bad, LX_IMPORT_VISITS, LX_IMPORT_ON_MATCH_UPDATE);
  dump_problems (v3);
  g_assert_cmpuint (v3->problems->len, ==, 3);
  g_assert_cmpuint (((LxImportProblem *)g_ptr_array_index (v3->problems, 0))->row, ==, 2);
  g_assert_cmpstr (((LxImportProblem *)g_ptr_array_index (v3->problems, 0))->column, ==, "走访日期");
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM visit"), ==, 2);
  g_assert_cmpuint (r1->added + r2->added, ==, 4);
}

static void
test_members_match (LxFixture     *fx,
                    gconstpointer  data)
{
  g_autofree char *a = write_file (fx, "a.csv",
                                   "姓名,联系电话,身份证号,所在支部\n"
                                   "陈红,13800001111,11010519491231002X,一支部\n", NULL);
  g_autofree char *b = write_file (fx, "b.csv",
                                   "姓名,联系电话,身份证号,所在支部,职务\n"
                                   "陈红,,11010519491231002x,,副书记\n", NULL);
  g_autoptr(LxImportResult) r1 = import_path (fx, a, LX_IMPORT_MEMBERS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) r2 = import_path (fx, b, LX_IMPORT_MEMBERS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autoptr(LxImportResult) r3 = import_path (fx, b, LX_IMPORT_MEMBERS, LX_IMPORT_ON_MATCH_UPDATE);
  g_autofree char *row = query_text (fx, "SELECT phone || ' ' || role FROM member");

  g_assert_cmpuint (r1->added, ==, 1);
  g_assert_cmpuint (r2->updated, ==, 1);
  g_assert_cmpuint (r3->unchanged, ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpstr (row, ==, "13800001111 deputy");
}

static void
test_dry_run (LxFixture     *fx,
              gconstpointer  data)
{
  g_autofree char *path = write_file (fx, "a.csv", "户主,住址\n甲,一路1号\n乙,一路2号\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImport) import = lx_import_new_from_file (path, LX_IMPORT_HOUSEHOLDS, NULL, &error);
  g_autoptr(LxImportResult) r = lx_import_run (import, fx->store, TRUE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (r->added, ==, 2);
  g_assert_true (r->dry_run);
  g_assert_cmpint (query_int (fx, "SELECT count(*) FROM household"), ==, 0);
}

#define ADD(name, func, data) \
  g_test_add ("/import/" name, LxFixture, data, lx_fixture_setup, func, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("csv-utf8", test_csv_encodings, "UTF-8");
  ADD ("csv-utf8-bom", test_csv_encodings, "BOM");
  ADD ("csv-gbk", test_csv_encodings, "GBK");
  ADD ("csv-gb18030", test_csv_encodings, "GB18030");
  ADD ("csv-gb18030-only", test_gb18030_only, NULL);
  g_test_add_func ("/import/header-guessing", test_header_guessing);
  ADD ("dates", test_dates, NULL);
  ADD ("errors-nothing-written", test_errors_nothing_written, NULL);
  ADD ("match-update-skip", test_match_update_skip, NULL);
  ADD ("xlsx-libxlsxwriter", test_xlsx_writer, NULL);
  ADD ("xlsx-inline-strings", test_xlsx_inline, NULL);
  ADD ("cancel", test_cancel, NULL);
  ADD ("async", test_async, NULL);
  ADD ("visits", test_visits, NULL);
  ADD ("members-match", test_members_match, NULL);
  ADD ("dry-run", test_dry_run, NULL);
  return g_test_run ();
}

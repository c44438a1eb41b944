/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-xlsx-reader"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "lx-table-reader.h"

/* XLSX as Excel, WPS and LibreOffice write it: a zip (read with libarchive)
 * of XML parts (read with libxml2's streaming reader, so that a sheet of
 * 100,000 rows never becomes a tree). Only what a roster needs is read:
 * the first visible sheet, shared and inline strings, numbers, and which
 * cell styles are dates. */

#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct
{
  GHashTable *parts;       /* path in the zip → GBytes */
  GPtrArray  *strings;     /* shared strings */
  GArray     *date_styles; /* gboolean per cellXfs index */
  gboolean    date1904;
} Workbook;

static void
workbook_clear (Workbook *wb)
{
  g_clear_pointer (&wb->parts, g_hash_table_unref);
  g_clear_pointer (&wb->strings, g_ptr_array_unref);
  g_clear_pointer (&wb->date_styles, g_array_unref);
}

static gboolean
format_error (GError    **error,
              const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, LX_TABLE_ERROR, LX_TABLE_ERROR_FORMAT,
               _("“%s” is not a readable XLSX workbook"), name);
  return FALSE;
}

static gboolean
read_parts (Workbook    *wb,
            const char  *path,
            GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, 64 * 1024) != ARCHIVE_OK)
    {
      archive_read_free (a);
      return format_error (error, path);
    }
  while (ok && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) buf = NULL;
      char chunk[64 * 1024];
      la_ssize_t n;

      if (name == NULL || !g_str_has_prefix (name, "xl/") ||
          !(g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")) ||
          g_str_has_prefix (name, "xl/drawings") || g_str_has_prefix (name, "xl/theme"))
        continue;
      buf = g_byte_array_new ();
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        g_byte_array_append (buf, (const guint8 *)chunk, n);
      if (n < 0)
        ok = FALSE;
      else
        g_hash_table_insert (wb->parts, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
    }
  archive_read_free (a);
  if (!ok || !g_hash_table_contains (wb->parts, "xl/workbook.xml"))
    return format_error (error, path);
  return TRUE;
}

static xmlTextReaderPtr
open_part (Workbook   *wb,
           const char *name)
{
  GBytes *bytes = g_hash_table_lookup (wb->parts, name);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return xmlReaderForMemory (data, (int)size, name, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
}

static gboolean
is_element (xmlTextReaderPtr r,
            const char      *name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *)xmlTextReaderConstLocalName (r), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr r,
        const char      *name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *)xmlTextReaderConstLocalName (r), name) == 0;
}

static char *
attr (xmlTextReaderPtr r,
      const char      *name)
{
  xmlChar *v = xmlTextReaderGetAttribute (r, (const xmlChar *)name);
  char *s = v != NULL ? g_strdup ((const char *)v) : NULL;

  xmlFree (v);
  return s;
}

/* The two large parts (shared strings and the sheet) are read with SAX
 * callbacks: about half the work of the streaming reader for each of their
 * hundreds of thousands of elements. Returns 0 when the part was read
 * whole; @ctxt_out lets a callback stop the parser. */
static int
parse_part (Workbook          *wb,
            const char        *name,
            xmlSAXHandler     *sax,
            gpointer           data,
            xmlParserCtxtPtr  *ctxt_out)
{
  GBytes *bytes = name != NULL ? g_hash_table_lookup (wb->parts, name) : NULL;
  xmlParserCtxtPtr ctxt;
  const char *bytes_data;
  gsize size;
  int rc;

  if (bytes == NULL)
    return -1;
  bytes_data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    return -1;
  sax->initialized = XML_SAX2_MAGIC;
  if (!(ctxt = xmlCreatePushParserCtxt (sax, data, NULL, 0, name)))
    return -1;
  if (ctxt_out != NULL)
    *ctxt_out = ctxt;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_HUGE);
  rc = xmlParseChunk (ctxt, bytes_data, (int)size, 1);
  if (!ctxt->wellFormed)
    rc = -1;
  xmlFreeParserCtxt (ctxt);
  if (ctxt_out != NULL)
    *ctxt_out = NULL;
  return rc;
}

typedef struct
{
  GPtrArray *strings;
  GString   *text;
  gboolean   in_t, in_rph;
} SharedStrings;

static void
strings_start (void           *data,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               int             n_defaulted,
               const xmlChar **attributes)
{
  SharedStrings *ss = data;
  const char *name = (const char *)localname;

  if (strcmp (name, "si") == 0)
    g_string_truncate (ss->text, 0);
  else if (strcmp (name, "t") == 0)
    ss->in_t = TRUE;
  else if (strcmp (name, "rPh") == 0)
    ss->in_rph = TRUE;
}

static void
strings_end (void          *data,
             const xmlChar *localname,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  SharedStrings *ss = data;
  const char *name = (const char *)localname;

  if (strcmp (name, "si") == 0)
    g_ptr_array_add (ss->strings, g_strndup (ss->text->str, ss->text->len));
  else if (strcmp (name, "t") == 0)
    ss->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0)
    ss->in_rph = FALSE;
}

/* Phonetic runs (<rPh>) hold readings, not the text. */
static void
strings_text (void          *data,
              const xmlChar *text,
              int            len)
{
  SharedStrings *ss = data;

  if (ss->in_t && !ss->in_rph)
    g_string_append_len (ss->text, (const char *)text, len);
}

static void
read_shared_strings (Workbook *wb)
{
  SharedStrings ss = { wb->strings, g_string_new (NULL) };
  xmlSAXHandler sax = { 0 };

  sax.startElementNs = strings_start;
  sax.endElementNs = strings_end;
  sax.characters = strings_text;
  sax.cdataBlock = strings_text;
  parse_part (wb, "xl/sharedStrings.xml", &sax, &ss, NULL);
  g_string_free (ss.text, TRUE);
}

/* A number format is a date when its code has a year or day part once
 * quoted text, [colours/locales] and escapes are left out. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '[')
        bracket = TRUE;
      else if (*p == ']')
        bracket = FALSE;
      else if (bracket)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (strchr ("yYdD", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
builtin_is_date (int id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void
read_styles (Workbook *wb)
{
  xmlTextReaderPtr r = open_part (wb, "xl/styles.xml");
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  gboolean in_xfs = FALSE;

  if (r == NULL)
    return;
  while (xmlTextReaderRead (r) == 1)
    {
      if (is_element (r, "numFmt"))
        {
          g_autofree char *id = attr (r, "numFmtId");
          g_autofree char *code = attr (r, "formatCode");
          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GINT_TO_POINTER (atoi (id)),
                                 GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
        }
      else if (is_element (r, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (r, "xf"))
        {
          g_autofree char *id_text = attr (r, "numFmtId");
          int id = id_text != NULL ? atoi (id_text) : 0;
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GINT_TO_POINTER (id)));
          gboolean is_date = kind != 0 ? kind == 2 : builtin_is_date (id);
          g_array_append_val (wb->date_styles, is_date);
        }
    }
  xmlFreeTextReader (r);
}

/* The first visible sheet, through the workbook's relationships. */
static char *
first_sheet_path (Workbook *wb)
{
  xmlTextReaderPtr r = open_part (wb, "xl/workbook.xml");
  g_autofree char *rid = NULL;
  char *target = NULL;

  while (r != NULL && xmlTextReaderRead (r) == 1)
    {
      if (is_element (r, "workbookPr"))
        {
          g_autofree char *d = attr (r, "date1904");
          wb->date1904 = d != NULL && (g_str_equal (d, "1") || g_str_equal (d, "true"));
        }
      else if (is_element (r, "sheet") && rid == NULL)
        {
          g_autofree char *state = attr (r, "state");
          xmlChar *v = xmlTextReaderGetAttributeNs (r, (const xmlChar *)"id", (const xmlChar *)REL_NS);
          if (state == NULL || g_str_equal (state, "visible"))
            rid = g_strdup ((const char *)v);
          xmlFree (v);
        }
    }
  g_clear_pointer (&r, xmlFreeTextReader);

  r = open_part (wb, "xl/_rels/workbook.xml.rels");
  while (rid != NULL && r != NULL && target == NULL && xmlTextReaderRead (r) == 1)
    if (is_element (r, "Relationship"))
      {
        g_autofree char *id = attr (r, "Id");
        g_autofree char *t = attr (r, "Target");
        if (g_strcmp0 (id, rid) == 0 && t != NULL)
          target = *t == '/' ? g_strdup (t + 1) : g_strconcat ("xl/", t, NULL);
      }
  g_clear_pointer (&r, xmlFreeTextReader);

  if (target == NULL || !g_hash_table_contains (wb->parts, target))
    {
      g_free (target);
      target = g_strdup ("xl/worksheets/sheet1.xml");
    }
  return target;
}

static int
column_index (const char *ref,
              int         fallback)
{
  int col = 0;
  const char *p = ref;

  if (ref == NULL)
    return fallback;
  for (; g_ascii_isalpha (*p); p++)
    col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  return col > 0 ? col - 1 : fallback;
}

static char *
serial_to_iso (double   serial,
               gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  int days = (int)serial;
  char buf[16];

  if (days < 1 || days > 2958465)
    return NULL;
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days < 60)
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);   /* before Excel's 1900-02-29 */
  else
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, days);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buf);
}

/* Whole numbers are written without the exponent Excel may use for them
 * (a phone number kept as a number is 13800138000, not 1.3800138E10). */
static char *
render_number (const char *v)
{
  char *end = NULL;
  double d = g_ascii_strtod (v, &end);

  if (end != NULL && *end == '\0' && d == (double)(gint64)d && ABS (d) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)d);
  return g_strdup (v);
}

static char *
cell_value (Workbook   *wb,
            const char *type,
            int         style,
            const char *v)
{
  if (g_strcmp0 (type, "s") == 0)
    {
      guint idx = (guint)atoi (v);
      return g_strdup (idx < wb->strings->len ? (const char *)g_ptr_array_index (wb->strings, idx) : "");
    }
  if (g_strcmp0 (type, "d") == 0)
    return g_strndup (v, 10);
  if (type == NULL || g_str_equal (type, "n"))
    {
      if (*v != '\0' && style >= 0 && (guint)style < wb->date_styles->len &&
          g_array_index (wb->date_styles, gboolean, style))
        {
          char *iso = serial_to_iso (g_ascii_strtod (v, NULL), wb->date1904);
          if (iso != NULL)
            return iso;
        }
      return render_number (v);
    }
  return g_strdup (v);
}

typedef struct
{
  int    col;
  int    style;
  char  *type;
  char  *value;
} Cell;

static void
put_cell (GPtrArray *cells,
          int        col,
          char      *value)
{
  if (col > 16383)
    {
      g_free (value);
      return;
    }
  if ((guint)col >= cells->len)
    g_ptr_array_set_size (cells, col + 1);
  g_free (g_ptr_array_index (cells, col));
  g_ptr_array_index (cells, col) = g_strstrip (value);
}

typedef struct
{
  Workbook         *wb;
  LxTable          *table;
  GCancellable     *cancellable;
  GError          **error;
  xmlParserCtxtPtr  ctxt;
  GPtrArray        *cells;
  Cell              cell;
  GString          *text;
  guint             number;
  int               next_col;
  gboolean          in_v, in_is, in_t, in_rph;
} Sheet;

/* An attribute without a namespace; SAX2 gives each as five pointers:
 * local name, prefix, URI, value start and value end. */
static char *
sax_attr (int             n_attributes,
          const xmlChar **attributes,
          const char     *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[1] == NULL && strcmp ((const char *)a[0], name) == 0)
        return g_strndup ((const char *)a[3], a[4] - a[3]);
    }
  return NULL;
}

static void
sheet_start (void           *data,
             const xmlChar  *localname,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_namespaces,
             const xmlChar **namespaces,
             int             n_attributes,
             int             n_defaulted,
             const xmlChar **attributes)
{
  Sheet *sh = data;
  const char *name = (const char *)localname;

  if (strcmp (name, "c") == 0)
    {
      g_autofree char *ref = sax_attr (n_attributes, attributes, "r");
      g_autofree char *style = sax_attr (n_attributes, attributes, "s");

      sh->cell.col = column_index (ref, sh->next_col);
      sh->cell.style = style != NULL ? atoi (style) : -1;
      g_free (sh->cell.type);
      sh->cell.type = sax_attr (n_attributes, attributes, "t");
      g_clear_pointer (&sh->cell.value, g_free);
      sh->next_col = sh->cell.col + 1;
    }
  else if (strcmp (name, "v") == 0)
    {
      sh->in_v = TRUE;
      g_string_truncate (sh->text, 0);
    }
  else if (strcmp (name, "is") == 0)
    {
      sh->in_is = TRUE;
      g_string_truncate (sh->text, 0);
    }
  else if (strcmp (name, "t") == 0)
    sh->in_t = TRUE;
  else if (strcmp (name, "rPh") == 0)
    sh->in_rph = TRUE;
  else if (strcmp (name, "row") == 0)
    {
      g_autofree char *ref = sax_attr (n_attributes, attributes, "r");

      sh->number = ref != NULL ? (guint)atoi (ref) : sh->number + 1;
      sh->next_col = 0;
      if (sh->number % 4096 == 0 && g_cancellable_set_error_if_cancelled (sh->cancellable, sh->error))
        xmlStopParser (sh->ctxt);
    }
}

static void
sheet_end (void          *data,
           const xmlChar *localname,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  Sheet *sh = data;
  const char *name = (const char *)localname;

  if (strcmp (name, "c") == 0)
    {
      if (sh->cell.value != NULL)
        put_cell (sh->cells, sh->cell.col,
                  cell_value (sh->wb, sh->cell.type, sh->cell.style, sh->cell.value));
      g_clear_pointer (&sh->cell.value, g_free);
    }
  else if (strcmp (name, "v") == 0 && sh->in_v)
    {
      sh->in_v = FALSE;
      g_free (sh->cell.value);
      sh->cell.value = g_strndup (sh->text->str, sh->text->len);
    }
  else if (strcmp (name, "is") == 0 && sh->in_is)
    {
      sh->in_is = FALSE;
      g_free (sh->cell.value);
      sh->cell.value = g_strndup (sh->text->str, sh->text->len);
    }
  else if (strcmp (name, "t") == 0)
    sh->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0)
    sh->in_rph = FALSE;
  else if (strcmp (name, "row") == 0)
    lx_table_add_row (sh->table, sh->number, sh->cells);
}

/* Phonetic runs (<rPh>) of an inline string hold readings, not the text. */
static void
sheet_text (void          *data,
            const xmlChar *text,
            int            len)
{
  Sheet *sh = data;

  if (sh->in_v || (sh->in_is && sh->in_t && !sh->in_rph))
    g_string_append_len (sh->text, (const char *)text, len);
}

static gboolean
read_sheet (Workbook      *wb,
            LxTable       *table,
            const char    *part,
            GCancellable  *cancellable,
            GError       **error)
{
  xmlSAXHandler sax = { 0 };
  Sheet sh = { wb, table, cancellable, error };
  int rc;

  sax.startElementNs = sheet_start;
  sax.endElementNs = sheet_end;
  sax.characters = sheet_text;
  sax.cdataBlock = sheet_text;
  sh.cells = g_ptr_array_new_with_free_func (g_free);
  sh.text = g_string_new (NULL);
  sh.cell.col = sh.cell.style = -1;
  rc = parse_part (wb, part, &sax, &sh, &sh.ctxt);
  g_free (sh.cell.type);
  g_free (sh.cell.value);
  g_ptr_array_unref (sh.cells);
  g_string_free (sh.text, TRUE);
  if (error != NULL && *error != NULL)
    return FALSE;
  return rc == 0;
}

/**
 * lx_table_read_xlsx:
 *
 * Reads the first visible worksheet of an XLSX workbook.
 */
LxTable *
lx_table_read_xlsx (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Workbook wb = { 0 };
  g_autoptr(LxTable) table = lx_table_new ("XLSX");
  g_autofree char *sheet = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  wb.parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  wb.strings = g_ptr_array_new_with_free_func (g_free);
  wb.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!read_parts (&wb, path, error))
    {
      workbook_clear (&wb);
      return NULL;
    }
  read_shared_strings (&wb);
  read_styles (&wb);
  sheet = first_sheet_path (&wb);
  ok = read_sheet (&wb, table, sheet, cancellable, &local_error);
  workbook_clear (&wb);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!ok)
    {
      format_error (error, path);
      return NULL;
    }
  if (table->rows->len == 0)
    {
      g_set_error_literal (error, LX_TABLE_ERROR, LX_TABLE_ERROR_EMPTY, _("The sheet has no rows"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-import-private.h"
#include "lx-repo.h"
#include "lx-validate.h"

/* Column headers as they appear in real ledgers, normalised (no spaces,
 * ASCII lower case). Each kind has its own list because 姓名 is the head of
 * household in a roster but the member in a member roster. */
typedef struct
{
  LxImportField  field;
  const char    *headers;   /* '|'-separated */
} Synonyms;

static const Synonyms household_synonyms[] = {
  { LX_FIELD_NAME, "户主姓名|户主|姓名|户主名|name|head|headofhousehold|householdhead" },
  { LX_FIELD_PHONE, "联系电话|电话|手机|手机号|手机号码|电话号码|联系方式|phone|mobile|telephone|tel" },
  { LX_FIELD_ADDRESS, "住址|地址|家庭住址|居住地址|现住址|address" },
  { LX_FIELD_SITE, "小区|小区名称|所在小区|site|community|estate" },
  { LX_FIELD_BUILDING, "楼栋|楼号|栋|楼|栋号|building" },
  { LX_FIELD_ENTRANCE, "单元|单元号|entrance|unit" },
  { LX_FIELD_FLOOR, "楼层|层|floor" },
  { LX_FIELD_ROOM, "门牌|房号|室|门牌号|房间号|户号|room|door" },
  { LX_FIELD_NEED_TAGS, "困难类型|困难类别|类别|困难群众类别|needtags|need|needs|category" },
  { LX_FIELD_ID_NUMBER, "身份证号|身份证号码|公民身份号码|身份证|idnumber|id" },
  { LX_FIELD_SIZE, "人口|家庭人数|人数|家庭人口|size|householdsize|people" },
  { LX_FIELD_ZONE, "网格|责任区|所属网格|zone|grid" },
  { LX_FIELD_NOTES, "备注|说明|notes|remarks|note" },
};

static const Synonyms member_synonyms[] = {
  { LX_FIELD_NAME, "姓名|党员姓名|name" },
  { LX_FIELD_GENDER, "性别|gender|sex" },
  { LX_FIELD_BIRTH_DATE, "出生日期|出生年月|生日|birthdate|dateofbirth|born" },
  { LX_FIELD_JOIN_DATE, "入党日期|入党时间|入党年月|joindate|joined|dateofjoining" },
  { LX_FIELD_PHONE, "联系电话|电话|手机|手机号|手机号码|联系方式|phone|mobile|telephone" },
  { LX_FIELD_ID_NUMBER, "身份证号|身份证号码|公民身份号码|身份证|idnumber|id" },
  { LX_FIELD_BRANCH, "所在支部|党支部|支部|所在党支部|branch|organization" },
  { LX_FIELD_ROLE, "职务|党内职务|role|position" },
  { LX_FIELD_NOTES, "备注|notes|remarks" },
};

static const Synonyms visit_synonyms[] = {
  { LX_FIELD_VISIT_DATE, "走访日期|日期|走访时间|时间|date|visitdate" },
  { LX_FIELD_VISITORS, "走访人|走访党员|走访人员|visitor|visitors|visitedby" },
  { LX_FIELD_NAME, "户主|走访对象|户主姓名|被走访人|household|name" },
  { LX_FIELD_ADDRESS, "地址|住址|家庭住址|address" },
  { LX_FIELD_NOTES, "走访情况|民情|内容|走访内容|情况|民情记录|notes|content" },
  { LX_FIELD_VISIT_KIND, "走访方式|方式|kind|method" },
};

static const Synonyms ballot_synonyms[] = {
  { LX_FIELD_BALLOT_NUMBER, "票号|编号|序号|选票编号|评议票编号|ballot|ballotnumber|ballotno|number|no" },
  { LX_FIELD_RESPONDENT, "评议人|填票人|群众|respondent|voter" },
  { LX_FIELD_NAME, "党员|党员姓名|姓名|被评议人|评议对象|member|name" },
  { LX_FIELD_GRADE_CONTACT, "联系服务群众|联系群众|经常联系服务群众|contact|contacts" },
  { LX_FIELD_GRADE_APPEALS, "诉求解决|解决诉求|诉求|群众诉求|appeals|appeal" },
  { LX_FIELD_GRADE_RELATIONS, "党群关系|干群关系|relations|relation" },
  { LX_FIELD_GRADE_SATISFACTION, "满意度|群众满意度|满意度提升|satisfaction" },
};

static const Synonyms *
synonyms_for (LxImportKind  kind,
              guint        *n)
{
  switch (kind)
    {
    case LX_IMPORT_MEMBERS:
      *n = G_N_ELEMENTS (member_synonyms);
      return member_synonyms;
    case LX_IMPORT_VISITS:
      *n = G_N_ELEMENTS (visit_synonyms);
      return visit_synonyms;
    case LX_IMPORT_BALLOTS:
      *n = G_N_ELEMENTS (ballot_synonyms);
      return ballot_synonyms;
    case LX_IMPORT_HOUSEHOLDS:
    default:
      *n = G_N_ELEMENTS (household_synonyms);
      return household_synonyms;
    }
}

const char *
lx_import_field_label (LxImportField field)
{
  static const char *labels[LX_FIELD_N] = {
    [LX_FIELD_IGNORE] = N_("(ignore)"),
    [LX_FIELD_NAME] = N_("Name"),
    [LX_FIELD_PHONE] = N_("Phone"),
    [LX_FIELD_ADDRESS] = N_("Address"),
    [LX_FIELD_SITE] = N_("Site"),
    [LX_FIELD_BUILDING] = N_("Building"),
    [LX_FIELD_ENTRANCE] = N_("Entrance"),
    [LX_FIELD_FLOOR] = N_("Floor"),
    [LX_FIELD_ROOM] = N_("Room"),
    [LX_FIELD_NEED_TAGS] = N_("Need categories"),
    [LX_FIELD_ID_NUMBER] = N_("ID number"),
    [LX_FIELD_SIZE] = N_("Household size"),
    [LX_FIELD_ZONE] = N_("Zone"),
    [LX_FIELD_NOTES] = N_("Notes"),
    [LX_FIELD_GENDER] = N_("Gender"),
    [LX_FIELD_BIRTH_DATE] = N_("Date of birth"),
    [LX_FIELD_JOIN_DATE] = N_("Date of joining"),
    [LX_FIELD_BRANCH] = N_("Party branch"),
    [LX_FIELD_ROLE] = N_("Role"),
    [LX_FIELD_VISIT_DATE] = N_("Visit date"),
    [LX_FIELD_VISITORS] = N_("Visited by"),
    [LX_FIELD_VISIT_KIND] = N_("Kind of visit"),
    [LX_FIELD_BALLOT_NUMBER] = N_("Ballot number"),
    [LX_FIELD_RESPONDENT] = N_("Respondent"),
    [LX_FIELD_GRADE_CONTACT] = N_("Contacts and serves the masses"),
    [LX_FIELD_GRADE_APPEALS] = N_("Appeals solved or answered"),
    [LX_FIELD_GRADE_RELATIONS] = N_("Party–masses relations improved"),
    [LX_FIELD_GRADE_SATISFACTION] = N_("Satisfaction risen"),
  };

  g_return_val_if_fail (field < LX_FIELD_N, "");
  return _(labels[field]);
}

/**
 * lx_import_kind_fields:
 *
 * The fields a column of @kind can be mapped to, LX_FIELD_IGNORE first.
 */
const LxImportField *
lx_import_kind_fields (LxImportKind  kind,
                       guint        *n_fields)
{
  static const LxImportField households[] = {
    LX_FIELD_IGNORE, LX_FIELD_NAME, LX_FIELD_PHONE, LX_FIELD_ADDRESS, LX_FIELD_SITE,
    LX_FIELD_BUILDING, LX_FIELD_ENTRANCE, LX_FIELD_FLOOR, LX_FIELD_ROOM, LX_FIELD_NEED_TAGS,
    LX_FIELD_ID_NUMBER, LX_FIELD_SIZE, LX_FIELD_ZONE, LX_FIELD_NOTES,
  };
  static const LxImportField members[] = {
    LX_FIELD_IGNORE, LX_FIELD_NAME, LX_FIELD_GENDER, LX_FIELD_BIRTH_DATE, LX_FIELD_JOIN_DATE,
    LX_FIELD_PHONE, LX_FIELD_ID_NUMBER, LX_FIELD_BRANCH, LX_FIELD_ROLE, LX_FIELD_NOTES,
  };
  static const LxImportField visits[] = {
    LX_FIELD_IGNORE, LX_FIELD_VISIT_DATE, LX_FIELD_VISITORS, LX_FIELD_NAME, LX_FIELD_ADDRESS,
    LX_FIELD_NOTES, LX_FIELD_VISIT_KIND,
  };
  static const LxImportField ballots[] = {
    LX_FIELD_IGNORE, LX_FIELD_BALLOT_NUMBER, LX_FIELD_RESPONDENT, LX_FIELD_NAME, LX_FIELD_GRADE_CONTACT,
    LX_FIELD_GRADE_APPEALS, LX_FIELD_GRADE_RELATIONS, LX_FIELD_GRADE_SATISFACTION,
  };

  switch (kind)
    {
    case LX_IMPORT_MEMBERS:
      *n_fields = G_N_ELEMENTS (members);
      return members;
    case LX_IMPORT_VISITS:
      *n_fields = G_N_ELEMENTS (visits);
      return visits;
    case LX_IMPORT_BALLOTS:
      *n_fields = G_N_ELEMENTS (ballots);
      return ballots;
    case LX_IMPORT_HOUSEHOLDS:
    default:
      *n_fields = G_N_ELEMENTS (households);
      return households;
    }
}

/* 户主姓名（必填）*, " Phone " and ＰＨＯＮＥ all become one key. */
static char *
normalize_header (const char *header)
{
  g_autofree char *text = lx_normalize_text (header);
  GString *s = g_string_new (NULL);
  const char *paren;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == '*' || c == 0xFF0A || c == ':' || c == 0xFF1A ||
          c == '_' || c == '-' || c == '.')
        continue;
      g_string_append_unichar (s, g_unichar_tolower (c));
    }
  /* Drop a parenthesised remark: 电话(手机), 人口（人）. */
  if ((paren = strstr (s->str, "(")) != NULL || (paren = strstr (s->str, "（")) != NULL)
    if (paren > s->str)
      g_string_truncate (s, paren - s->str);
  return g_string_free (s, FALSE);
}

LxImportField
lx_import_guess_field (LxImportKind  kind,
                       const char   *header)
{
  g_autofree char *key = NULL;
  const Synonyms *list;
  guint n;

  if (header == NULL || *header == '\0')
    return LX_FIELD_IGNORE;
  key = normalize_header (header);
  list = synonyms_for (kind, &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) names = g_strsplit (list[i].headers, "|", -1);
      if (g_strv_contains ((const char * const *)names, key))
        return list[i].field;
    }
  return LX_FIELD_IGNORE;
}

const char *
lx_import_kind_label (LxImportKind kind)
{
  switch (kind)
    {
    case LX_IMPORT_MEMBERS:
      return _("Member roster");
    case LX_IMPORT_VISITS:
      return _("Visit ledger");
    case LX_IMPORT_BALLOTS:
      return _("Evaluation ballots");
    case LX_IMPORT_HOUSEHOLDS:
    default:
      return _("Household roster");
    }
}

gboolean
lx_import_kind_from_string (const char   *text,
                            LxImportKind *out_kind)
{
  if (g_strcmp0 (text, "households") == 0)
    *out_kind = LX_IMPORT_HOUSEHOLDS;
  else if (g_strcmp0 (text, "members") == 0)
    *out_kind = LX_IMPORT_MEMBERS;
  else if (g_strcmp0 (text, "visits") == 0)
    *out_kind = LX_IMPORT_VISITS;
  else if (g_strcmp0 (text, "ballots") == 0)
    *out_kind = LX_IMPORT_BALLOTS;
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------ households and tags */

char *
lx_import_compose_address (const char *site,
                           const char *building,
                           int         entrance,
                           const char *room,
                           const char *free_address)
{
  GString *s;

  if (building == NULL || *building == '\0')
    return g_strdup (free_address ? free_address : "");
  s = g_string_new (site);
  g_string_append (s, building);
  if (entrance > 0)
    g_string_append_printf (s, "%d单元", entrance);
  if (room != NULL && *room != '\0')
    g_string_append_printf (s, "%s室", room);
  return g_string_free (s, FALSE);
}

/* Name and address without spaces or full-width forms: the same household
 * written slightly differently in two ledgers still matches. */
char *
lx_import_household_key (const char *name,
                         const char *address)
{
  g_autofree char *joined = g_strconcat (name ? name : "", "\x1f", address ? address : "", NULL);
  g_autofree char *norm = NULL;
  GString *s;

  /* Most keys are plain: Chinese and ASCII digits, no spaces, no capitals. */
  for (const char *p = joined; ; p++)
    {
      if (*p == '\0')
        return g_steal_pointer (&joined);
      if ((guchar)*p == 0xEF || (guchar)*p == 0xE3 || g_ascii_isspace (*p) || g_ascii_isupper (*p))
        break;
    }
  norm = lx_normalize_text (joined);
  s = g_string_sized_new (strlen (norm));
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (s, g_unichar_tolower (c));
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------ need tags */

static const struct { const char *code; const char *names; } tag_aliases[] = {
  { "dibao", "低保|低保户|城市低保|农村低保|subsistence allowance|dibao" },
  { "tekun", "特困|特困户|特困供养|特困人员|extreme poverty|tekun" },
  { "disabled", "残疾|残疾人|残障|disability|disabled" },
  { "elderly_alone", "独居/空巢老人|独居老人|空巢老人|独居|空巢|elderly living alone|elderly_alone" },
  { "left_behind_child", "留守儿童|left-behind child|left_behind_child" },
  { "unemployed", "失业|失业人员|unemployed" },
  { "serious_illness", "大病|重病|serious illness|serious_illness" },
  { "veteran", "退役军人|veteran" },
  { "needy_worker", "困难职工|needy worker|needy_worker" },
};

GHashTable *
lx_import_load_tag_names (LxStore  *store,
                GError  **error)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) tags = lx_repo_list_need_tags (store, error);

  if (tags == NULL)
    {
      g_hash_table_unref (names);
      return NULL;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      LxNeedTag *t = g_ptr_array_index (tags, i);
      g_hash_table_insert (names, g_utf8_strdown (t->label, -1), g_strdup (t->code));
      g_hash_table_insert (names, g_strdup (t->code), g_strdup (t->code));
      g_hash_table_insert (names, g_utf8_strdown (lx_need_tag_label (t->code), -1), g_strdup (t->code));
    }
  for (guint i = 0; i < G_N_ELEMENTS (tag_aliases); i++)
    {
      g_auto(GStrv) list = g_strsplit (tag_aliases[i].names, "|", -1);
      for (guint j = 0; list[j] != NULL; j++)
        if (g_hash_table_contains (names, tag_aliases[i].code))
          g_hash_table_replace (names, g_strdup (list[j]), g_strdup (tag_aliases[i].code));
    }
  return names;
}

static void
add_code (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return;
  g_ptr_array_add (codes, g_strdup (code));
}

/* "低保、残疾", "低保,独居/空巢老人", "Disability; Veteran". Returns FALSE and
 * the unknown name in *out_bad. */
gboolean
lx_import_parse_tags (GHashTable  *names,
            const char  *text,
            char      ***out_codes,
            char       **out_bad)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = g_regex_split_simple ("[、,，;；\\s]+", text, 0, 0);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *tok = g_utf8_strdown (g_strstrip (tokens[i]), -1);
      const char *code;

      if (*tok == '\0' || g_str_equal (tok, "无") || g_str_equal (tok, "-") || g_str_equal (tok, "none"))
        continue;
      if ((code = g_hash_table_lookup (names, tok)) != NULL)
        {
          add_code (codes, code);
          continue;
        }
      {
        g_auto(GStrv) parts = g_strsplit (tok, "/", -1);
        for (guint j = 0; parts[j] != NULL; j++)
          {
            if ((code = g_hash_table_lookup (names, parts[j])) == NULL)
              {
                *out_bad = g_strdup (tokens[i]);
                return FALSE;
              }
            add_code (codes, code);
          }
      }
    }
  g_ptr_array_add (codes, NULL);
  *out_codes = (char **)g_ptr_array_free (g_steal_pointer (&codes), FALSE);
  return TRUE;
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-records"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-records.h"

#define DEFINE_RECORD(Type, type, body)                       \
  G_DEFINE_FINAL_TYPE (Type, type, G_TYPE_OBJECT)             \
  static void type##_finalize (GObject *object)               \
  {                                                           \
    Type *self = (Type *)object;                              \
    body                                                      \
    G_OBJECT_CLASS (type##_parent_class)->finalize (object);  \
  }                                                           \
  static void type##_class_init (Type##Class *klass)          \
  {                                                           \
    G_OBJECT_CLASS (klass)->finalize = type##_finalize;       \
  }                                                           \
  static void type##_init (Type *self) { (void)self; }

DEFINE_RECORD (LxOrganization, lx_organization,
  g_free (self->name);
  g_free (self->kind);)

DEFINE_RECORD (LxMember, lx_member,
  g_free (self->name);
  g_free (self->gender);
  g_free (self->birth_date);
  g_free (self->join_date);
  g_free (self->phone);
  g_free (self->id_number);
  g_free (self->role);
  g_free (self->status);)

DEFINE_RECORD (LxZone, lx_zone,
  g_free (self->name);
  g_free (self->colour);)

DEFINE_RECORD (LxBuilding, lx_building,
  g_free (self->site_name);
  g_free (self->name);)

DEFINE_RECORD (LxNeedTag, lx_need_tag,
  g_free (self->code);
  g_free (self->label);)

DEFINE_RECORD (LxHousehold, lx_household,
  g_free (self->head_name);
  g_free (self->phone);
  g_free (self->id_number);
  g_free (self->room);
  g_free (self->address);
  g_free (self->notes);
  g_strfreev (self->need_tags);
  g_free (self->pinyin);
  g_free (self->initials);
  g_free (self->site_name);
  g_free (self->building_name);
  g_free (self->zone_name);
  g_free (self->need_labels);
  g_free (self->last_visit_on);)

LxHousehold *
lx_household_new (void)
{
  LxHousehold *self = g_object_new (LX_TYPE_HOUSEHOLD, NULL);

  self->size = 1;
  self->rule_days = 365;
  self->need_tags = g_new0 (char *, 1);
  return self;
}

/* Lower-cases @text onto @out: ASCII byte by byte, other characters only
 * when they have a case (Chinese has none), without g_utf8_strdown()'s
 * second pass, for the tens of thousands of rows of an import. */
static void
append_folded (GString    *out,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar)*p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_isupper (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/**
 * lx_household_search_text:
 * @address: (nullable): the household's address as shown
 *
 * The lower-case text the households view searches: the name, its pinyin
 * and initials, the address and the phone, separated by spaces.
 */
char *
lx_household_search_text (LxHousehold *self,
                          const char  *address)
{
  const char *parts[] = { self->head_name, self->pinyin, self->initials, address, self->phone };
  GString *out = g_string_sized_new (96);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      if (parts[i] != NULL)
        append_folded (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}


/**
 * lx_household_dup_address:
 *
 * The address as it is written on the door and in every ledger:
 * 幸福里小区3号楼2单元501室, or the free address of a household that is not
 * on the grid. It is data, not interface text, so it is not translated (and
 * the search keys built from it do not depend on the language).
 */
char *
lx_household_dup_address (LxHousehold *self)
{
  GString *s;

  g_return_val_if_fail (LX_IS_HOUSEHOLD (self), NULL);

  if (self->building_id <= 0)
    return g_strdup (self->address ? self->address : "");

  s = g_string_new (NULL);
  if (self->site_name != NULL)
    g_string_append (s, self->site_name);
  if (self->building_name != NULL)
    g_string_append (s, self->building_name);
  if (self->entrance > 0)
    g_string_append_printf (s, "%d单元", self->entrance);
  if (self->room != NULL && *self->room != '\0')
    g_string_append_printf (s, "%s室", self->room);
  return g_string_free (s, FALSE);
}

LxVisitStatus
lx_visit_status_compute (const char *last_visit_on,
                         int         rule_days,
                         const char *today)
{
  int since;

  if (last_visit_on == NULL || *last_visit_on == '\0')
    return LX_VISIT_STATUS_NEVER;

  since = lx_date_days_between (last_visit_on, today);
  if (since > rule_days)
    return LX_VISIT_STATUS_OVERDUE;
  if (since > rule_days - LX_DUE_SOON_DAYS)
    return LX_VISIT_STATUS_DUE_SOON;
  return LX_VISIT_STATUS_VISITED;
}

LxVisitStatus
lx_household_visit_status (LxHousehold *self,
                           const char  *today)
{
  g_return_val_if_fail (LX_IS_HOUSEHOLD (self), LX_VISIT_STATUS_NEVER);

  return lx_visit_status_compute (self->last_visit_on, self->rule_days, today);
}

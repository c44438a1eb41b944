/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Row objects: plain records with public fields, built by the repositories
 * and handed to list models and views. Strings are owned by the record. */

typedef enum
{
  LX_VISIT_STATUS_ANY = 0,
  LX_VISIT_STATUS_VISITED,   /* visited within its rule, next due in over 30 days */
  LX_VISIT_STATUS_DUE_SOON,  /* due within 30 days */
  LX_VISIT_STATUS_OVERDUE,   /* past its rule */
  LX_VISIT_STATUS_NEVER,     /* never visited */
} LxVisitStatus;

#define LX_DUE_SOON_DAYS 30

#define LX_TYPE_ORGANIZATION (lx_organization_get_type ())
G_DECLARE_FINAL_TYPE (LxOrganization, lx_organization, LX, ORGANIZATION, GObject)
struct _LxOrganization
{
  GObject parent_instance;
  gint64  id;
  gint64  parent_id;   /* 0: the root */
  char   *name;
  char   *kind;        /* committee / general_branch / branch / group */
};

#define LX_TYPE_MEMBER (lx_member_get_type ())
G_DECLARE_FINAL_TYPE (LxMember, lx_member, LX, MEMBER, GObject)
struct _LxMember
{
  GObject  parent_instance;
  gint64   id;
  gint64   org_id;
  char    *name;
  char    *gender;     /* male / female / NULL */
  char    *birth_date;
  char    *join_date;
  char    *phone;
  char    *id_number;
  char    *role;       /* secretary / deputy / committee / group_leader / member */
  gboolean leading_cadre;
  gboolean party_rep;
  gboolean npc_deputy;
  gboolean cppcc_member;
  char    *status;     /* full / probationary / transferred_out */
};

#define LX_TYPE_ZONE (lx_zone_get_type ())
G_DECLARE_FINAL_TYPE (LxZone, lx_zone, LX, ZONE, GObject)
struct _LxZone
{
  GObject parent_instance;
  gint64  id;
  char   *name;
  char   *colour;
};

#define LX_TYPE_BUILDING (lx_building_get_type ())
G_DECLARE_FINAL_TYPE (LxBuilding, lx_building, LX, BUILDING, GObject)
struct _LxBuilding
{
  GObject parent_instance;
  gint64  id;
  gint64  site_id;
  char   *site_name;
  char   *name;
  int     entrances;
  int     floors;
  int     rooms_per_floor;
  gint64  zone_id;
};

#define LX_TYPE_NEED_TAG (lx_need_tag_get_type ())
G_DECLARE_FINAL_TYPE (LxNeedTag, lx_need_tag, LX, NEED_TAG, GObject)
struct _LxNeedTag
{
  GObject parent_instance;
  char   *code;
  char   *label;
  int     visit_interval_days;
};

#define LX_TYPE_HOUSEHOLD (lx_household_get_type ())
G_DECLARE_FINAL_TYPE (LxHousehold, lx_household, LX, HOUSEHOLD, GObject)
struct _LxHousehold
{
  GObject  parent_instance;
  gint64   id;
  char    *head_name;
  char    *phone;
  char    *id_number;
  gint64   building_id;
  int      entrance;     /* 0: none */
  int      floor;        /* 0: none */
  char    *room;
  char    *address;      /* free address when not on the grid */
  int      size;
  gint64   zone_id;
  char    *notes;
  char   **need_tags;    /* codes, NULL-terminated, never NULL once loaded */

  /* read-only, filled when loaded */
  char    *pinyin;
  char    *initials;
  char    *site_name;
  char    *building_name;
  char    *zone_name;
  char    *need_labels;  /* "低保、残疾" */
  gboolean needy;
  int      rule_days;
  char    *last_visit_on;
};

LxHousehold   *lx_household_new             (void);
char          *lx_household_dup_address     (LxHousehold *self);
char          *lx_household_search_text     (LxHousehold *self,
                                             const char  *address);
LxVisitStatus  lx_household_visit_status    (LxHousehold *self,
                                             const char  *today);
LxVisitStatus  lx_visit_status_compute      (const char  *last_visit_on,
                                             int          rule_days,
                                             const char  *today);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-id-list.h"
#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* What the members ledger shows: search and filters, all applied in SQL. */
typedef struct
{
  char     *search;               /* name, full pinyin, initials or phone */
  gint64    org_id;               /* 0: all; else this organization and all below it */
  char     *role;                 /* NULL: any */
  gboolean  leading_cadres;       /* only leading cadres */
  gboolean  representatives;      /* only party/NPC/CPPCC representatives */
  gboolean  include_transferred;  /* also members transferred out */
} LxMemberFilter;

void lx_member_filter_clear (LxMemberFilter *filter);

/* One line of the ledger: the member and what the ledger shows beside it. */
#define LX_TYPE_MEMBER_ROW (lx_member_row_get_type ())
G_DECLARE_FINAL_TYPE (LxMemberRow, lx_member_row, LX, MEMBER_ROW, GObject)
struct _LxMemberRow
{
  GObject   parent_instance;
  LxMember *member;
  char     *org_name;
  char     *contact_points;   /* "幸福里社区、城南小学", or NULL */
  int       quota;            /* households the member's role should pair with */
  int       paired;           /* households paired now */
  char     *transferred_on;
  char     *transferred_to;
};

LxMemberRow *lx_member_row_load          (LxStore              *store,
                                          gint64                id,
                                          GError              **error);
char        *lx_member_row_dup_representative (LxMemberRow     *self);
GArray      *lx_member_query_ids         (LxStore              *store,
                                          const LxMemberFilter *filter,
                                          GError              **error);

#define LX_TYPE_MEMBER_LIST (lx_member_list_get_type ())
G_DECLARE_FINAL_TYPE (LxMemberList, lx_member_list, LX, MEMBER_LIST, LxIdList)

LxMemberList         *lx_member_list_new        (LxStore              *store);
void                  lx_member_list_set_filter (LxMemberList         *self,
                                                 const LxMemberFilter *filter);
const LxMemberFilter *lx_member_list_get_filter (LxMemberList         *self);

G_END_DECLS

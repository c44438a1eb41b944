/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* The residents (住户成员) of a household, edited and saved with it. */
#define LX_TYPE_RESIDENT (lx_resident_get_type ())
G_DECLARE_FINAL_TYPE (LxResident, lx_resident, LX, RESIDENT, GObject)
struct _LxResident
{
  GObject  parent_instance;
  gint64   id;           /* 0: not saved yet */
  char    *name;
  char    *relation;     /* to the head of household: 配偶, 儿子 … */
  char    *gender;       /* male / female / NULL */
  char    *birth_date;
  char    *phone;
  char    *id_number;
  char    *notes;
};

LxResident *lx_resident_new                   (void);
gboolean    lx_resident_validate              (LxResident   *resident,
                                               const char   *today,
                                               const char  **out_field,
                                               GError      **error);
gboolean    lx_residents_validate             (GPtrArray    *residents,
                                               const char   *today,
                                               guint        *out_index,
                                               const char  **out_field,
                                               GError      **error);
GPtrArray  *lx_repo_list_residents            (LxStore      *store,
                                               gint64        household_id,
                                               GError      **error);
gboolean    lx_repo_write_residents           (LxStore      *store,
                                               gint64        household_id,
                                               GPtrArray    *residents,
                                               GError      **error);
/* In lx-household-repo.c: lx_repo_save_household() with the residents
 * (NULL: leave them as they are), in the same transaction. */
gint64      lx_repo_save_household_with_residents (LxStore     *store,
                                                   LxHousehold *household,
                                                   GPtrArray   *residents,
                                                   GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-map-data.h"
#include "lx-repo.h"

/* A site plan is a scanned or drawn picture of the site that the
 * secretary puts behind its buildings. Only PNG and JPEG are accepted:
 * the drawing decodes them without GTK, and the check is by the file's
 * magic numbers, not its name, so a renamed file is caught here. */

static const guint8 PNG_MAGIC[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 JPEG_MAGIC[] = { 0xff, 0xd8, 0xff };

const char *
lx_map_plan_type (GBytes *image)
{
  gsize size = 0;
  const guint8 *data;

  if (image == NULL)
    return NULL;
  data = g_bytes_get_data (image, &size);
  if (size >= sizeof PNG_MAGIC && memcmp (data, PNG_MAGIC, sizeof PNG_MAGIC) == 0)
    return "image/png";
  if (size >= sizeof JPEG_MAGIC && memcmp (data, JPEG_MAGIC, sizeof JPEG_MAGIC) == 0)
    return "image/jpeg";
  return NULL;
}

static char *
site_name (LxStore  *store,
           gint64    site_id,
           GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT name FROM site WHERE id = ?", error);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (name == NULL)
    g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                 _("There is no site with id %d"), (int)site_id);
  return name;
}

/**
 * lx_map_set_site_plan:
 * @image: (nullable): PNG or JPEG bytes; NULL removes the site's plan
 */
gboolean
lx_map_set_site_plan (LxStore  *store,
                      gint64    site_id,
                      GBytes   *image,
                      GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  const char *type = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (image != NULL)
    {
      if (g_bytes_get_size (image) > LX_MAP_PLAN_MAX_BYTES)
        {
          g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                       _("Site plan: the image is larger than %d MB"),
                       LX_MAP_PLAN_MAX_BYTES / (1024 * 1024));
          return FALSE;
        }
      if ((type = lx_map_plan_type (image)) == NULL)
        {
          g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                               _("Site plan: the file is not a PNG or JPEG image"));
          return FALSE;
        }
    }

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (name = site_name (store, site_id, error)) == NULL)
    return FALSE;
  stmt = lx_store_prepare (store, "UPDATE site SET plan_image = ?, plan_type = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (image != NULL)
    {
      sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                           SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, 1);
      sqlite3_bind_null (stmt, 2);
    }
  sqlite3_bind_int64 (stmt, 3, site_id);
  summary = image != NULL ? g_strdup_printf ("set the site plan of %s", name)
                          : g_strdup_printf ("removed the site plan of %s", name);
  return lx_store_step_done (store, stmt, error) &&
         lx_store_log_change (store, "site", site_id, "update", summary, error) &&
         lx_transaction_commit (tx, error);
}

GBytes *
lx_map_get_site_plan (LxStore  *store,
                      gint64    site_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  GBytes *image = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT plan_image FROM site WHERE id = ? AND plan_image IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    image = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return image;
}

gboolean
lx_map_load_plans (LxStore  *store,
                   LxMap    *self,
                   GError  **error)
{
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);
      g_autoptr(GError) local_error = NULL;

      g_clear_pointer (&site->plan_image, g_bytes_unref);
      site->plan_image = lx_map_get_site_plan (store, site->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

gint64
lx_map_site_at (LxMap  *self,
                double  x,
                double  y)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);
      const LxMapRect *r = &site->rect;

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return site->id;
    }
  return 0;
}

LxMapSite *
lx_map_get_site (LxMap  *self,
                 gint64  site_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);

      if (site->id == site_id)
        return site;
    }
  return NULL;
}

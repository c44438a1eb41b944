/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "lx-store.h"

/* A fresh temporary folder per test; removed at the end. */
typedef struct
{
  char    *dir;
  char    *path;
  LxStore *store;
} LxFixture;

static inline void
lx_fixture_setup (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("lianxin-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "lianxin.db", NULL);
  fx->store = lx_store_open (fx->path, LX_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

static inline void
lx_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        lx_fixture_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

static inline void
lx_fixture_teardown (LxFixture     *fx,
                     gconstpointer  data)
{
  g_clear_object (&fx->store);
  lx_fixture_remove_dir (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static inline char *
lx_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

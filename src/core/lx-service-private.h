/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-service-repo.h"

G_BEGIN_DECLS

/* Shared by lx-service-repo.c and lx-service-team.c. */

gboolean lx_service_field_error (const char **out_field,
                                 const char  *field,
                                 GError     **error,
                                 const char  *message);
/* Strips @text in place; refuses NULL or empty. */
gboolean lx_service_need_text   (char        *text,
                                 const char  *field,
                                 const char  *message,
                                 const char **out_field,
                                 GError     **error);
/* An ISO date; NULL/empty allowed when @optional (then *@text becomes NULL);
 * after today refused when @past_only. */
gboolean lx_service_check_date  (char       **text,
                                 gboolean     optional,
                                 gboolean     past_only,
                                 const char  *field,
                                 const char  *label,
                                 const char **out_field,
                                 GError     **error);
gboolean lx_service_check_range (const char  *start_on,
                                 const char  *end_on,
                                 const char **out_field,
                                 GError     **error);
/* Steps @stmt to the end and writes a change_log line for *@row_id; when
 * *@row_id is 0 it becomes the id of the row just inserted. */
gboolean lx_service_step_logged (LxStore      *store,
                                 sqlite3_stmt *stmt,
                                 const char   *table,
                                 gint64       *row_id,
                                 const char   *action,
                                 const char   *summary,
                                 GError      **error);
/* Refuses when "SELECT 1 … WHERE id = ?" finds no row. */
gboolean lx_service_exists      (LxStore      *store,
                                 const char   *sql,
                                 gint64        id,
                                 const char   *message,
                                 GError      **error);
gboolean lx_service_delete_row  (LxStore      *store,
                                 const char   *sql,
                                 const char   *table,
                                 gint64        id,
                                 const char   *summary,
                                 GError      **error);

G_END_DECLS

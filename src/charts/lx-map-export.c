/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "lx-map.h"

/* PNG pixels per PDF point: a printable 144 dpi. */
#define PNG_SCALE 2.0

void
lx_map_paper_size (LxMapPaper  paper,
                   double     *width,
                   double     *height)
{
  /* Landscape, in points. */
  *width = paper == LX_MAP_PAPER_A3 ? 1190.55 : 841.89;
  *height = paper == LX_MAP_PAPER_A3 ? 841.89 : 595.28;
}

LxMapFormat
lx_map_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return LX_MAP_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".png"))
    return LX_MAP_FORMAT_PNG;
  return LX_MAP_FORMAT_AUTO;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the map to “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * lx_map_export:
 * @format: PNG or PDF; AUTO from @path's extension (an error if neither)
 * @paper: the page, landscape; the map is fitted to it
 *
 * Writes the map with the same drawing as on screen: a title, the coverage,
 * the legend and every site.
 */
gboolean
lx_map_export (LxMap        *map,
               const char   *path,
               LxMapFormat   format,
               LxMapPaper    paper,
               GError      **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  gboolean ok;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == LX_MAP_FORMAT_AUTO)
    format = lx_map_format_for_path (path);
  if (format == LX_MAP_FORMAT_AUTO)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the file type of “%s”: name it .png or .pdf"), path);
      return FALSE;
    }
  lx_map_paper_size (paper, &w, &h);
  if (format == LX_MAP_FORMAT_PDF)
    surface = cairo_pdf_surface_create (path, w, h);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(w * PNG_SCALE), (int)(h * PNG_SCALE));
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  if (format == LX_MAP_FORMAT_PNG)
    cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  lx_map_draw_page (map, cr, w, h);
  ok = check_status (cairo_status (cr), path, error);
  cairo_destroy (cr);
  if (ok && format == LX_MAP_FORMAT_PNG)
    ok = check_status (cairo_surface_write_to_png (surface, path), path, error);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_status (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  return ok;
}

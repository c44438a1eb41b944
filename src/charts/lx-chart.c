/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>

#include "lx-chart-private.h"

G_DEFINE_BOXED_TYPE (LxChart, lx_chart, lx_chart_ref, lx_chart_unref)

/* Model ------------------------------------------------------------------ */

static void
series_free (gpointer data)
{
  LxChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

LxChart *
lx_chart_new (LxChartKind  kind,
              const char  *title)
{
  LxChart *self = g_new0 (LxChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title);
  self->background = TRUE;
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  return self;
}

LxChart *
lx_chart_ref (LxChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lx_chart_unref (LxChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->suffix);
  g_free (self->centre_label);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_free (self);
}

LxChartKind
lx_chart_get_kind (LxChart *self)
{
  g_return_val_if_fail (self != NULL, LX_CHART_BARS);
  return self->kind;
}

const char *
lx_chart_get_title (LxChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

void
lx_chart_set_title (LxChart    *self,
                    const char *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

void
lx_chart_set_theme (LxChart      *self,
                    LxChartTheme  theme)
{
  g_return_if_fail (self != NULL);
  self->theme = theme;
}

/* On screen the chart sits on a card that has its own background. */
void
lx_chart_set_background (LxChart  *self,
                         gboolean  paint)
{
  g_return_if_fail (self != NULL);
  self->background = paint;
}

void
lx_chart_set_value_format (LxChart    *self,
                           int         decimals,
                           const char *suffix)
{
  g_return_if_fail (self != NULL);
  self->decimals = CLAMP (decimals, 0, 4);
  g_free (self->suffix);
  self->suffix = g_strdup (suffix);
}

void
lx_chart_set_y_max (LxChart *self,
                    double   max)
{
  g_return_if_fail (self != NULL);
  self->y_max = MAX (max, 0);
}

void
lx_chart_set_centre_label (LxChart    *self,
                           const char *label)
{
  g_return_if_fail (self != NULL);
  g_free (self->centre_label);
  self->centre_label = g_strdup (label);
}

void
lx_chart_add_category (LxChart    *self,
                       const char *label)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_add (self->categories, g_strdup (label ? label : ""));
}

guint
lx_chart_get_n_categories (LxChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->categories->len;
}

/* Values beyond the categories are kept; missing ones read as 0. */
guint
lx_chart_add_series (LxChart      *self,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  LxChartSeries *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (LxChartSeries, 1);
  series->name = g_strdup (name ? name : "");
  series->values = g_array_sized_new (FALSE, TRUE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

guint
lx_chart_get_n_series (LxChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->series->len;
}

double
lx_chart_get_value (LxChart *self,
                    guint    series,
                    guint    category)
{
  LxChartSeries *s;

  g_return_val_if_fail (self != NULL, 0);
  if (series >= self->series->len)
    return 0;
  s = g_ptr_array_index (self->series, series);
  if (category >= s->values->len)
    return 0;
  return MAX (0, g_array_index (s->values, double, category));
}

/* @per_day: index 0 is 1 January of @year. */
void
lx_chart_set_calendar (LxChart      *self,
                       int           year,
                       const double *per_day,
                       guint         n_days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (year > 0 && year < 10000);

  self->year = year;
  g_ptr_array_set_size (self->series, 0);
  lx_chart_add_series (self, NULL, per_day, n_days);
}

/* Palettes ---------------------------------------------------------------- */

static LxChartColour
rgb (guint32 hex)
{
  return (LxChartColour) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                           (hex & 0xff) / 255.0 };
}

/* Okabe & Ito (2008); black is left out, and on dark backgrounds the dark
 * blue gives way to the sky blue so that every colour stands out. */
static const guint32 light_palette[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x7f7f7f,
};
static const guint32 dark_palette[] = {
  0x56B4E9, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0xF0E442, 0x0072B2, 0xb0b0b0,
};
/* A one-hue blue ramp (ColorBrewer Blues): ordered in lightness, so it reads
 * without telling hues apart. */
static const guint32 light_heat[LX_CHART_CALENDAR_BUCKETS] = {
  0xebedf0, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b,
};
static const guint32 dark_heat[LX_CHART_CALENDAR_BUCKETS] = {
  0x303030, 0x0e3a66, 0x1f6fb2, 0x4fa3e0, 0xa9d4f5,
};

LxChartColour
lx_chart_palette_colour (LxChartTheme theme,
                         guint        index)
{
  if (theme == LX_CHART_THEME_DARK)
    return rgb (dark_palette[index % G_N_ELEMENTS (dark_palette)]);
  return rgb (light_palette[index % G_N_ELEMENTS (light_palette)]);
}

LxChartColour
lx_chart_calendar_colour (LxChartTheme theme,
                          int          bucket)
{
  bucket = CLAMP (bucket, 0, LX_CHART_CALENDAR_BUCKETS - 1);
  return rgb (theme == LX_CHART_THEME_DARK ? dark_heat[bucket] : light_heat[bucket]);
}

LxChartColour
lx_chart_background_colour (LxChartTheme theme)
{
  return rgb (theme == LX_CHART_THEME_DARK ? 0x242424 : 0xffffff);
}

LxChartColour
lx_chart_fg (LxChart *self)
{
  return rgb (self->theme == LX_CHART_THEME_DARK ? 0xffffff : 0x241f31);
}

LxChartColour
lx_chart_grid (LxChart *self)
{
  return rgb (self->theme == LX_CHART_THEME_DARK ? 0x454545 : 0xdeddda);
}

void
lx_chart_set_source (cairo_t       *cr,
                     LxChartColour  colour)
{
  cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
}

/* Ticks ------------------------------------------------------------------- */

static double
nice_step (double raw)
{
  double magnitude, fraction;

  if (raw <= 0 || !isfinite (raw))
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  /* Round up, with a little slack for floating point noise. */
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

guint
lx_chart_nice_ticks (double  min,
                     double  max,
                     guint   target,
                     double *out_min,
                     double *out_max,
                     double *out_step)
{
  double step, lo, hi;

  target = MAX (target, 2);
  if (max < min)
    {
      double t = max;
      max = min;
      min = t;
    }
  if (max - min < 1e-12)
    max = min + 1;

  step = nice_step ((max - min) / target);
  lo = floor (min / step + 1e-9) * step;
  hi = ceil (max / step - 1e-9) * step;
  if (out_min)
    *out_min = lo;
  if (out_max)
    *out_max = hi;
  if (out_step)
    *out_step = step;
  return (guint)llround ((hi - lo) / step) + 1;
}

/* Text ----------------------------------------------------------------------- */

PangoLayout *
lx_chart_layout (LxChart     *self,
                 cairo_t     *cr,
                 const char  *text,
                 double       size,
                 LxTextFlags  flags)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LX_CHART_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics independent of the surface's resolution: the same layout on
   * screen and in a PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (flags & LX_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
lx_chart_text_size (LxChart    *self,
                    cairo_t    *cr,
                    const char *text,
                    double      size,
                    double     *width,
                    double     *height)
{
  g_autoptr(PangoLayout) layout = lx_chart_layout (self, cr, text, size, LX_TEXT_NORMAL);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width)
    *width = (double)w / PANGO_SCALE;
  if (height)
    *height = (double)h / PANGO_SCALE;
}

/* Draws @text with its box aligned at (@x, @y): xalign 0 left … 1 right,
 * yalign 0 top … 1 bottom. A positive @max_width ellipsizes long labels. */
void
lx_chart_text (LxChart     *self,
               cairo_t     *cr,
               const char  *text,
               double       size,
               LxTextFlags  flags,
               double       x,
               double       y,
               double       xalign,
               double       yalign,
               double       max_width)
{
  g_autoptr(PangoLayout) layout = lx_chart_layout (self, cr, text, size, flags);
  LxChartColour fg = lx_chart_fg (self);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, &h);
  if (max_width > 0)
    {
      PangoRectangle ink, logical;
      pango_layout_get_extents (layout, &ink, &logical);
      w = logical.width;
    }

  cairo_save (cr);
  if (flags & LX_TEXT_DIM)
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  else
    lx_chart_set_source (cr, fg);
  cairo_move_to (cr, x - xalign * w / PANGO_SCALE, y - yalign * h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  /* The path is not part of the saved state: drop the move_to, or the next
   * arc would start with a line from here. */
  cairo_new_path (cr);
}

char *
lx_chart_format_value (LxChart *self,
                       double   value)
{
  return g_strdup_printf ("%.*f%s", self->decimals, value, self->suffix ? self->suffix : "");
}

/* A row of swatches with names, wrapping; returns the height used. With
 * @categories, one entry per category in the palette order (donuts). */
double
lx_chart_legend (LxChart           *self,
                 cairo_t           *cr,
                 const LxChartRect *area,
                 gboolean           categories)
{
  guint n = categories ? self->categories->len : self->series->len;
  double x = area->x, y = area->y, line = LX_CHART_SMALL_SIZE * 1.6;

  for (guint i = 0; i < n; i++)
    {
      const char *name = categories ? g_ptr_array_index (self->categories, i)
                                    : ((LxChartSeries *)g_ptr_array_index (self->series, i))->name;
      double w;

      lx_chart_text_size (self, cr, name, LX_CHART_SMALL_SIZE, &w, NULL);
      if (x > area->x && x + 16 + w > area->x + area->width)
        {
          x = area->x;
          y += line;
        }
      lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, i));
      cairo_rectangle (cr, x, y + (line - 10) / 2, 10, 10);
      cairo_fill (cr);
      lx_chart_text (self, cr, name, LX_CHART_SMALL_SIZE, LX_TEXT_NORMAL,
                     x + 14, y + line / 2, 0, 0.5, -1);
      x += 14 + w + 16;
    }
  return n > 0 ? y - area->y + line : 0;
}

/* Drawing ------------------------------------------------------------------ */

void
lx_chart_draw (LxChart *self,
               cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height)
{
  LxChartRect area = { x + LX_CHART_PAD, y + LX_CHART_PAD,
                       width - 2 * LX_CHART_PAD, height - 2 * LX_CHART_PAD };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (self->background)
    {
      lx_chart_set_source (cr, lx_chart_background_colour (self->theme));
      cairo_paint (cr);
    }

  if (self->title != NULL && *self->title != '\0')
    {
      double th;

      lx_chart_text_size (self, cr, self->title, LX_CHART_TITLE_SIZE, NULL, &th);
      lx_chart_text (self, cr, self->title, LX_CHART_TITLE_SIZE, LX_TEXT_BOLD,
                     area.x, area.y, 0, 0, area.width);
      area.y += th + 8;
      area.height -= th + 8;
    }

  self->drawn = area.width > 20 && area.height > 20;
  if (self->drawn)
    switch (self->kind)
      {
      case LX_CHART_BARS:
      case LX_CHART_STACKED_BARS:
        lx_chart_draw_bars (self, cr, &area);
        break;
      case LX_CHART_HORIZONTAL_BARS:
        lx_chart_draw_hbars (self, cr, &area);
        break;
      case LX_CHART_LINES:
        lx_chart_draw_lines (self, cr, &area);
        break;
      case LX_CHART_DONUT:
        lx_chart_draw_donut (self, cr, &area);
        break;
      case LX_CHART_PROGRESS_BARS:
        lx_chart_draw_progress (self, cr, &area);
        break;
      case LX_CHART_PROGRESS_RINGS:
        lx_chart_draw_rings (self, cr, &area);
        break;
      case LX_CHART_CALENDAR:
        lx_chart_draw_calendar (self, cr, &area);
        break;
      default:
        g_assert_not_reached ();
      }
  cairo_restore (cr);
}

LxChartFormat
lx_chart_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);

  if (g_str_has_suffix (lower, ".svg"))
    return LX_CHART_FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return LX_CHART_FORMAT_PDF;
  return LX_CHART_FORMAT_PNG;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the chart to “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

static cairo_surface_t *
create_surface (LxChartFormat  format,
                const char    *path,
                int            width,
                int            height)
{
  switch (format)
    {
    case LX_CHART_FORMAT_SVG:
      return cairo_svg_surface_create (path, width, height);
    case LX_CHART_FORMAT_PDF:
      return cairo_pdf_surface_create (path, width, height);
    case LX_CHART_FORMAT_PNG:
    case LX_CHART_FORMAT_AUTO:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
}

/**
 * lx_chart_save:
 * @format: the file type; AUTO picks it from @path's extension (PNG otherwise)
 * @width: (in pixels for PNG, points for SVG and PDF)
 *
 * Draws the chart with the same code as on screen, into a file.
 */
gboolean
lx_chart_save (LxChart        *self,
               const char     *path,
               LxChartFormat   format,
               int             width,
               int             height,
               GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  gboolean painted = self->background;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (format == LX_CHART_FORMAT_AUTO)
    format = lx_chart_format_for_path (path);

  surface = create_surface (format, path, width, height);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  /* A file always gets its background: a transparent PNG is unreadable in
   * a dark viewer. */
  self->background = TRUE;
  cr = cairo_create (surface);
  lx_chart_draw (self, cr, 0, 0, width, height);
  self->background = painted;
  cairo_destroy (cr);

  if (format == LX_CHART_FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the chart to “%s”: %s"),
                       path, cairo_status_to_string (status));
          cairo_surface_destroy (surface);
          return FALSE;
        }
    }
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Geometry of the last drawing ------------------------------------------------ */

gboolean
lx_chart_get_plot_rect (LxChart     *self,
                        LxChartRect *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  *out = self->plot;
  return self->drawn && self->plot.width > 0;
}

double
lx_chart_get_axis_max (LxChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->axis_max;
}

gboolean
lx_chart_get_donut (LxChart *self,
                    double  *cx,
                    double  *cy,
                    double  *outer,
                    double  *inner)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->drawn || self->kind != LX_CHART_DONUT)
    return FALSE;
  *cx = self->donut_cx;
  *cy = self->donut_cy;
  *outer = self->donut_outer;
  *inner = self->donut_inner;
  return TRUE;
}

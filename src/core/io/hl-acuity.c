/* hl-acuity.c: the acuity model's numbers and its blur (see hl-acuity.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-acuity.h"

/* Columns blurred together by the vertical pass: a 64-byte line of
 * pixels per row, so that the pass reads memory a cache line at a time. */
#define BLOCK 16

/* Three boxes approximate the Gaussian (its error in the tails is a few
 * per cent of the peak, well under what the eye tells apart). */
#define N_PASSES 3

double
hl_acuity_detail_mm (double distance_mm)
{
  return distance_mm > 0 ? distance_mm * tan (HL_ACUITY_ANGLE) : 0.0;
}

double
hl_acuity_sigma_mm (double distance_mm)
{
  return hl_acuity_detail_mm (distance_mm) / HL_ACUITY_FWHM_PER_SIGMA;
}

double
hl_acuity_sigma_px (double distance_mm,
                    double mm_per_px,
                    double zoom)
{
  if (!(mm_per_px > 0) || !(zoom > 0))
    return 0.0;
  return hl_acuity_sigma_mm (distance_mm) / mm_per_px * zoom;
}

/* sRGB ↔ linear light. Decoding: one float per code value. Encoding: a
 * table over 2^16 steps of linear light, fine enough near black (one sRGB
 * step there is 1/3295 of full light). */
#define ENCODE_STEPS 65536

static float   to_linear[256];
static guint8 *to_srgb;

static gpointer
make_tables (gpointer data)
{
  for (int i = 0; i < 256; i++)
    {
      double c = i / 255.0;

      to_linear[i] = (float) (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }
  to_srgb = g_malloc (ENCODE_STEPS);
  for (int i = 0; i < ENCODE_STEPS; i++)
    {
      double l = (i + 0.5) / ENCODE_STEPS;
      double c = l <= 0.0031308 ? 12.92 * l : 1.055 * pow (l, 1 / 2.4) - 0.055;

      to_srgb[i] = (guint8) CLAMP (lround (c * 255.0), 0, 255);
    }
  return NULL;
}

static inline guint8
encode (float linear)
{
  int i = (int) (linear * ENCODE_STEPS);

  if (i <= 0)
    return linear > 0 ? to_srgb[0] : 0;
  return to_srgb[MIN (i, ENCODE_STEPS - 1)];
}

/* One extended box: radius @r and weight @alpha for the two samples just
 * past it. */
typedef struct
{
  int    r;
  double alpha;
} Box;

/* The box of variance @v: the widest plain box (variance r(r+1)/3) not
 * wider than it, and the end weight making up the rest:
 *   v = (r(r+1)(2r+1)/3 + 2α(r+1)²) / (2r+1+2α). */
static Box
box_for_variance (double v)
{
  Box box;
  double r;

  r = floor ((sqrt (12.0 * v + 1.0) - 1.0) / 2.0);
  while ((r + 1) * (r + 2) / 3.0 <= v)
    r++;
  while (r > 0 && r * (r + 1) / 3.0 > v)
    r--;
  box.r = (int) r;
  box.alpha = (2 * r + 1) * (r * (r + 1) / 3.0 - v) / (2.0 * (v - (r + 1) * (r + 1)));
  box.alpha = CLAMP (box.alpha, 0.0, 1.0);
  return box;
}

/* Blurs @n samples of @c floats each (interleaved) from @in into @out with
 * @box, edges extended. */
static void
box_line (const float *in,
          float       *out,
          int          n,
          int          c,
          Box          box)
{
  double sum[4 * BLOCK];
  const double norm = 1.0 / (2 * box.r + 1 + 2 * box.alpha);
  const int r = box.r;

  g_assert (c <= 4 * BLOCK);

  /* The plain box at sample 0: samples −r … r, clamped. */
  for (int k = 0; k < c; k++)
    sum[k] = 0;
  for (int j = -r; j <= r; j++)
    {
      const float *s = in + (gsize) CLAMP (j, 0, n - 1) * c;

      for (int k = 0; k < c; k++)
        sum[k] += s[k];
    }

  for (int i = 0; i < n; i++)
    {
      const float *before = in + (gsize) CLAMP (i - r - 1, 0, n - 1) * c;
      const float *after = in + (gsize) CLAMP (i + r + 1, 0, n - 1) * c;
      const float *leaving = in + (gsize) CLAMP (i - r, 0, n - 1) * c;
      float *o = out + (gsize) i * c;

      for (int k = 0; k < c; k++)
        {
          o[k] = (float) ((sum[k] + box.alpha * (before[k] + after[k])) * norm);
          /* On to i + 1: sample i + r + 1 comes in, i − r goes. */
          sum[k] += after[k] - leaving[k];
        }
    }
}

/* The three boxes over @line (@n × @c floats); @tmp as large. */
static void
blur_line (float      *line,
           float      *tmp,
           int         n,
           int         c,
           const Box  *boxes)
{
  box_line (line, tmp, n, c, boxes[0]);
  box_line (tmp, line, n, c, boxes[1]);
  box_line (line, tmp, n, c, boxes[2]);
  memcpy (line, tmp, sizeof (float) * (gsize) n * c);
}

/* Pixels (cairo's native-endian ARGB32, premultiplied) to premultiplied
 * linear light: alpha, then the three colours times alpha. */
static void
load (const guint32 *px,
      gsize          step,
      int            n,
      gboolean       opaque,
      float         *out)
{
  for (int i = 0; i < n; i++, out += 4)
    {
      guint32 p = px[(gsize) i * step];
      guint a = opaque ? 255 : p >> 24;

      out[0] = a / 255.0f;
      if (a == 255)
        {
          out[1] = to_linear[(p >> 16) & 0xff];
          out[2] = to_linear[(p >> 8) & 0xff];
          out[3] = to_linear[p & 0xff];
        }
      else if (a == 0)
        out[1] = out[2] = out[3] = 0;
      else
        {
          /* Unpremultiplied, decoded, premultiplied again in linear light. */
          for (int k = 0; k < 3; k++)
            {
              guint v = (p >> (16 - 8 * k)) & 0xff;

              out[1 + k] = to_linear[MIN (255u, (v * 255 + a / 2) / a)] * out[0];
            }
        }
    }
}

/* Premultiplied linear light back to pixels. Along the line, what
 * rounding to 8 bits takes from (or adds to) each opaque pixel is carried
 * to the next: the line keeps its light, as faint tails too dark for one
 * code value would otherwise vanish (a dot blurred over a large σ lost
 * 2–3 % of its light so). */
static void
store (const float *in,
       guint32     *px,
       gsize        step,
       int          n,
       gboolean     opaque)
{
  float carry[3] = { 0, 0, 0 };

  for (int i = 0; i < n; i++, in += 4)
    {
      float a = opaque ? 1.0f : CLAMP (in[0], 0.0f, 1.0f);
      guint8 ab = (guint8) lroundf (a * 255.0f);
      guint32 p;

      if (ab == 0)
        {
          px[(gsize) i * step] = 0;
          continue;
        }
      p = (guint32) ab << 24;
      for (int k = 0; k < 3; k++)
        {
          float l = in[1 + k] / a;
          guint c;

          if (ab == 255)
            {
              l += carry[k];
              c = encode (l);
              carry[k] = l - to_linear[c];
            }
          else
            c = (encode (l) * ab + 127) / 255;
          p |= (guint32) c << (16 - 8 * k);
        }
      px[(gsize) i * step] = p;
    }
}

void
hl_acuity_blur_surface (cairo_surface_t *surface,
                        double           sigma)
{
  static GOnce once = G_ONCE_INIT;
  cairo_format_t format;
  Box boxes[N_PASSES];
  int width, height, stride;
  gboolean opaque;
  guchar *data;
  float *line, *tmp;
  gsize longest;

  g_return_if_fail (surface != NULL && cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);
  format = cairo_image_surface_get_format (surface);
  g_return_if_fail (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24);

  if (!(sigma >= 0.05) || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return;
  g_once (&once, make_tables, NULL);

  for (int i = 0; i < N_PASSES; i++)
    boxes[i] = box_for_variance (sigma * sigma / N_PASSES);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  opaque = format == CAIRO_FORMAT_RGB24;
  if (data == NULL || width <= 0 || height <= 0)
    return;

  longest = MAX ((gsize) width * 4, (gsize) height * 4 * BLOCK);
  line = g_new (float, longest);
  tmp = g_new (float, longest);

  /* Rows, one at a time. */
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);

      load (row, 1, width, opaque, line);
      blur_line (line, tmp, width, 4, boxes);
      store (line, row, 1, width, opaque);
    }

  /* Columns, BLOCK at a time: sample y holds the block's pixels of row y. */
  for (int x0 = 0; x0 < width; x0 += BLOCK)
    {
      int bw = MIN (BLOCK, width - x0);

      for (int y = 0; y < height; y++)
        load ((guint32 *) (data + (gsize) y * stride) + x0, 1, bw, opaque, line + (gsize) y * 4 * bw);
      blur_line (line, tmp, height, 4 * bw, boxes);
      for (int y = 0; y < height; y++)
        store (line + (gsize) y * 4 * bw, (guint32 *) (data + (gsize) y * stride) + x0, 1, bw, opaque);
    }

  g_free (line);
  g_free (tmp);
  cairo_surface_mark_dirty (surface);
}

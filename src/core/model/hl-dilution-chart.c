/* hl-dilution-chart.c: pigments, dilutions and their healed colours on
 * skin types I–VI (see hl-dilution-chart.h).
 *
 * What practitioners publish, and what we found no numbers for:
 *
 * [DIL]  SMP pigment is carbon black, made lighter by diluting it with
 *        distilled water following a dilution chart: little or no water for
 *        black hair and dark skin, more water (the mix turns translucent)
 *        for lighter hair, between the two for blonde to brown; at most
 *        1 ml of pigment in the cup, the water measured in millilitres
 *        (K. Nicolaou, "Scalp micropigmentation pigment", 2021,
 *        https://karen-nicolaou.com/2021/11/10/scalp-micropigmentation-pigment/;
 *        Skulltec Southwest, "Scalp micropigmentation",
 *        https://skulltec-southwest.co.uk/scalp-micropigmentation-skulltec-southwest/,
 *        where light complexions and light hair take "around 20 ml and
 *        upwards" of water to the millilitre of pigment). Carbon-based and
 *        iron-oxide pigments are both used (SMP Daily, "What kind of
 *        pigments are used in SMP?", https://smpdaily.com/scalp-micropigmentation-basics/what-kind-of-pigments-are-used-in-smp/;
 *        Doctor Studio, "3.2 Pigment formulations in SMP", 2025,
 *        https://doctorstudio.co/2025.+SMP/3.2+Pigment+Formulations).
 *        None of these publishes the colours of its chart, so the colours
 *        below are computed, not measured.
 * [ITA]  Skin colour by the individual typology angle ITA° = arctan((L* −
 *        50) / b*): very light > 55°, light 41–55°, intermediate 28–41°,
 *        tan 10–28°, brown −30–10°, dark < −30° (A. Chardon, I. Cretois,
 *        C. Hourseau, "Skin colour typology and suntanning pathways", Int J
 *        Cosmet Sci 13(4):191–208, 1991; R. Frank, "How do you accurately
 *        measure skin color?", sensortips.com, 2023). Fitzpatrick's types
 *        are sun reactions, not colours, and match these groups only
 *        roughly (Lim et al., "Skin color cannot be confined to six
 *        categories", HCA Healthcare research days, 2025).
 *
 * The model (ours):
 *
 * - A mix of p parts pigment to w parts water holds the fraction
 *   c = p / (p + w) of the pigment's particles. By Beer–Lambert the
 *   optical density of the deposit scales with c: per channel, in linear
 *   light, T = 10^(−c · OD) with OD = −log10 of the undiluted pigment's
 *   channel, at most 2 (1 % left: a deposit is never perfectly black,
 *   our choice). So carbon black 1:1 gives #595959, 1:3 #989898, 1:20
 *   #e8e8e8 as a dot's shade.
 * - Healed on skin, as the renderer draws a healed dot's core
 *   (hl-pigment.c, "How dots look" in the README): the shade lightened and
 *   cast as the healed stage says, then the skin multiplied by
 *   1 − opacity · (1 − shade).
 * - The skin of type I–VI in order is the middle of Chardon's six ITA
 *   groups (62°, 48°, 34.5°, 19°, −10°, −45°) at b* = 18 and a* = 10 (our
 *   choice, typical of measured skin), L* = 50 + b* tan ITA: L* 83.9,
 *   70.0, 62.4, 56.2, 46.8, 32.0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-dilution-chart.h"
#include "hl-error.h"
#include "hl-pigment.h"
#include "hl-render.h"
#include "hl-client.h"
#include "hl-session-record.h"
#include "hl-text.h"

#define MAX_OPTICAL_DENSITY 2.0

struct _HlDilutionChart
{
  GArray *pigments;   /* of HlChartPigment, each owning its name and dilutions */
};

static void
clear_pigment (gpointer data)
{
  HlChartPigment *pigment = data;

  g_clear_pointer (&pigment->name, g_free);
  g_clear_pointer (&pigment->dilutions, g_array_unref);
}

HlDilutionChart *
hl_dilution_chart_new (void)
{
  HlDilutionChart *self = g_new0 (HlDilutionChart, 1);

  self->pigments = g_array_new (FALSE, TRUE, sizeof (HlChartPigment));
  g_array_set_clear_func (self->pigments, clear_pigment);
  return self;
}

static void
add_default (HlDilutionChart  *self,
             const char       *name,
             const char       *colour,
             const HlDilution *dilutions,
             guint             n)
{
  HlColor c;
  int index;

  hl_color_parse (colour, &c);
  index = hl_dilution_chart_add_pigment (self, name, c);
  g_array_append_vals (g_array_index (self->pigments, HlChartPigment, index).dilutions, dilutions, n);
}

HlDilutionChart *
hl_dilution_chart_new_default (void)
{
  HlDilutionChart *self = hl_dilution_chart_new ();
  /* Carbon black from nearly neat to the ≈ 1:20 of light hair on light
   * skin [DIL]; the steps between are our choice. */
  static const HlDilution black[] = { { 1, 1 }, { 1, 3 }, { 1, 6 }, { 1, 10 }, { 1, 20 } };
  /* An iron-oxide dark brown [DIL] for warm hair; its colour is our choice. */
  static const HlDilution brown[] = { { 1, 1 }, { 1, 2 }, { 1, 4 }, { 1, 8 } };

  /* Keep in step with the "dilution-chart" key's default in the schema
   * (the test "dilution-chart" compares them). */
  add_default (self, "Carbon Black", "#000000", black, G_N_ELEMENTS (black));
  add_default (self, "Dark Brown", "#2a1e17", brown, G_N_ELEMENTS (brown));
  return self;
}

HlDilutionChart *
hl_dilution_chart_copy (const HlDilutionChart *chart)
{
  HlDilutionChart *self;

  g_return_val_if_fail (chart != NULL, NULL);

  self = hl_dilution_chart_new ();
  for (guint i = 0; i < chart->pigments->len; i++)
    {
      const HlChartPigment *p = &g_array_index (chart->pigments, HlChartPigment, i);
      int index = hl_dilution_chart_add_pigment (self, p->name, p->colour);

      g_array_append_vals (g_array_index (self->pigments, HlChartPigment, index).dilutions,
                           p->dilutions->data, p->dilutions->len);
    }
  return self;
}

void
hl_dilution_chart_free (HlDilutionChart *chart)
{
  if (chart == NULL)
    return;
  g_array_unref (chart->pigments);
  g_free (chart);
}

gboolean
hl_dilution_chart_equal (const HlDilutionChart *a,
                         const HlDilutionChart *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->pigments->len != b->pigments->len)
    return FALSE;
  for (guint i = 0; i < a->pigments->len; i++)
    {
      const HlChartPigment *pa = &g_array_index (a->pigments, HlChartPigment, i);
      const HlChartPigment *pb = &g_array_index (b->pigments, HlChartPigment, i);

      if (g_strcmp0 (pa->name, pb->name) != 0 || !hl_color_equal (pa->colour, pb->colour) ||
          pa->dilutions->len != pb->dilutions->len ||
          memcmp (pa->dilutions->data, pb->dilutions->data, pa->dilutions->len * sizeof (HlDilution)) != 0)
        return FALSE;
    }
  return TRUE;
}

guint
hl_dilution_chart_get_n_pigments (const HlDilutionChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->pigments->len;
}

const HlChartPigment *
hl_dilution_chart_get_pigment (const HlDilutionChart *chart,
                               guint                  index)
{
  g_return_val_if_fail (chart != NULL && index < chart->pigments->len, NULL);
  return &g_array_index (chart->pigments, HlChartPigment, index);
}

/* @name cleaned and stripped, or NULL when nothing is left (transfer full). */
static char *
clean_name (const char *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL)
    return NULL;
  clean = g_strstrip (hl_text_clean (name, FALSE));
  if (clean[0] == '\0' || g_utf8_strlen (clean, -1) > HL_DILUTION_CHART_MAX_NAME)
    return NULL;
  return g_steal_pointer (&clean);
}

int
hl_dilution_chart_add_pigment (HlDilutionChart *chart,
                               const char      *name,
                               HlColor          colour)
{
  HlChartPigment pigment = { NULL, colour, NULL };

  g_return_val_if_fail (chart != NULL, -1);

  if (chart->pigments->len >= HL_DILUTION_CHART_MAX_PIGMENTS ||
      (pigment.name = clean_name (name)) == NULL)
    return -1;
  pigment.dilutions = g_array_new (FALSE, FALSE, sizeof (HlDilution));
  g_array_append_val (chart->pigments, pigment);
  return (int) chart->pigments->len - 1;
}

void
hl_dilution_chart_remove_pigment (HlDilutionChart *chart,
                                  guint            index)
{
  g_return_if_fail (chart != NULL && index < chart->pigments->len);
  g_array_remove_index (chart->pigments, index);
}

gboolean
hl_dilution_chart_set_name (HlDilutionChart *chart,
                            guint            index,
                            const char      *name)
{
  HlChartPigment *pigment;
  char *clean;

  g_return_val_if_fail (chart != NULL && index < chart->pigments->len, FALSE);

  if ((clean = clean_name (name)) == NULL)
    return FALSE;
  pigment = &g_array_index (chart->pigments, HlChartPigment, index);
  g_free (pigment->name);
  pigment->name = clean;
  return TRUE;
}

void
hl_dilution_chart_set_colour (HlDilutionChart *chart,
                              guint            index,
                              HlColor          colour)
{
  g_return_if_fail (chart != NULL && index < chart->pigments->len);
  g_array_index (chart->pigments, HlChartPigment, index).colour = colour;
}

/* The dilutions listed in @text into @out; FALSE with @error naming
 * @what[k] otherwise. */
static gboolean
parse_dilutions (const char  *text,
                 const char  *what,
                 GArray      *out,
                 GError     **error)
{
  g_auto(GStrv) items = g_regex_split_simple ("[,;\\s]+", text != NULL ? text : "", 0, 0);
  guint k = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      HlDilution d;

      if (items[i][0] == '\0')
        continue;
      if (k >= HL_DILUTION_CHART_MAX_DILUTIONS)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                       _("%s: at most %d dilutions a pigment"), what, HL_DILUTION_CHART_MAX_DILUTIONS);
          return FALSE;
        }
      if (!hl_dilution_parse (items[i], &d.pigment, &d.water))
        {
          g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                       _("%s[%u]: “%s” is not a dilution; write pigment : water as two positive numbers, e.g. 1:3"),
                       what, k, items[i]);
          return FALSE;
        }
      g_array_append_val (out, d);
      k++;
    }
  return TRUE;
}

gboolean
hl_dilution_chart_set_dilutions (HlDilutionChart  *chart,
                                 guint             index,
                                 const char       *text,
                                 GError          **error)
{
  g_autoptr(GArray) parsed = g_array_new (FALSE, FALSE, sizeof (HlDilution));
  HlChartPigment *pigment;

  g_return_val_if_fail (chart != NULL && index < chart->pigments->len, FALSE);

  if (!parse_dilutions (text, _("dilutions"), parsed, error))
    return FALSE;
  pigment = &g_array_index (chart->pigments, HlChartPigment, index);
  g_array_unref (pigment->dilutions);
  pigment->dilutions = g_steal_pointer (&parsed);
  return TRUE;
}

char *
hl_dilution_format (HlDilution dilution)
{
  char p[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (p, sizeof p, "%g", dilution.pigment);
  g_ascii_formatd (w, sizeof w, "%g", dilution.water);
  return g_strdup_printf ("%s:%s", p, w);
}

char *
hl_dilution_chart_format_dilutions (const HlDilutionChart *chart,
                                    guint                  index)
{
  const HlChartPigment *pigment;
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (chart != NULL && index < chart->pigments->len, g_string_free (s, FALSE));

  pigment = &g_array_index (chart->pigments, HlChartPigment, index);
  for (guint i = 0; i < pigment->dilutions->len; i++)
    {
      g_autofree char *one = hl_dilution_format (g_array_index (pigment->dilutions, HlDilution, i));

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", one);
    }
  return g_string_free (s, FALSE);
}

GVariant *
hl_dilution_chart_to_variant (const HlDilutionChart *chart)
{
  GVariantBuilder builder;

  g_return_val_if_fail (chart != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE (HL_DILUTION_CHART_VARIANT_TYPE));
  for (guint i = 0; i < chart->pigments->len; i++)
    {
      const HlChartPigment *p = &g_array_index (chart->pigments, HlChartPigment, i);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      char colour[8];

      for (guint k = 0; k < p->dilutions->len; k++)
        g_ptr_array_add (items, hl_dilution_format (g_array_index (p->dilutions, HlDilution, k)));
      g_ptr_array_add (items, NULL);   /* ^as reads a NULL-terminated array */
      g_variant_builder_add (&builder, "(ss^as)", p->name, hl_color_format (p->colour, colour),
                             (const char * const *) items->pdata);
    }
  return g_variant_builder_end (&builder);
}

HlDilutionChart *
hl_dilution_chart_from_variant (GVariant  *variant,
                                GError   **error)
{
  g_autoptr(HlDilutionChart) chart = NULL;
  gsize n;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (HL_DILUTION_CHART_VARIANT_TYPE)))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("dilution-chart: must be a list of (name, colour, dilutions), not %s"),
                   g_variant_get_type_string (variant));
      return NULL;
    }
  n = g_variant_n_children (variant);
  if (n > HL_DILUTION_CHART_MAX_PIGMENTS)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("dilution-chart: at most %d pigments"), HL_DILUTION_CHART_MAX_PIGMENTS);
      return NULL;
    }

  chart = hl_dilution_chart_new ();
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *what = g_strdup_printf ("dilution-chart[%" G_GSIZE_FORMAT "]", i);
      g_autofree char *what_dilutions = g_strdup_printf ("%s.dilutions", what);
      g_autoptr(GVariant) child = g_variant_get_child_value (variant, i);
      const char *name, *colour_text;
      g_autofree const char **items = NULL;
      HlColor colour;
      int index;

      g_variant_get (child, "(&s&s^a&s)", &name, &colour_text, &items);
      if (!hl_color_parse (colour_text, &colour))
        {
          g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                       _("%s.colour: “%s” is not a colour; write #rrggbb"), what, colour_text);
          return NULL;
        }
      if ((index = hl_dilution_chart_add_pigment (chart, name, colour)) < 0)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                       _("%s.name: must be 1–%d characters"), what, HL_DILUTION_CHART_MAX_NAME);
          return NULL;
        }
      for (guint k = 0; items[k] != NULL; k++)
        {
          HlDilution d;

          if (k >= HL_DILUTION_CHART_MAX_DILUTIONS)
            {
              g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                           _("%s: at most %d dilutions a pigment"), what_dilutions,
                           HL_DILUTION_CHART_MAX_DILUTIONS);
              return NULL;
            }
          if (!hl_dilution_parse (items[k], &d.pigment, &d.water))
            {
              g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                           _("%s[%u]: “%s” is not a dilution; write pigment : water as two positive numbers, e.g. 1:3"),
                           what_dilutions, k, items[k]);
              return NULL;
            }
          g_array_append_val (g_array_index (chart->pigments, HlChartPigment, index).dilutions, d);
        }
    }
  return g_steal_pointer (&chart);
}

static double
to_linear (double v)
{
  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static guint8
from_linear (double v)
{
  v = CLAMP (v, 0.0, 1.0);
  v = v <= 0.0031308 ? v * 12.92 : 1.055 * pow (v, 1.0 / 2.4) - 0.055;
  return (guint8) CLAMP (floor (v * 255.0 + 0.5), 0.0, 255.0);
}

HlColor
hl_dilution_shade (HlColor    pigment,
                   HlDilution dilution)
{
  const guint8 *in = &pigment.r;
  double c;
  HlColor out;
  guint8 *o = &out.r;

  if (!(dilution.pigment > 0.0) || !(dilution.water >= 0.0))
    return pigment;
  c = dilution.pigment / (dilution.pigment + dilution.water);
  for (guint k = 0; k < 3; k++)
    {
      double od = MIN (-log10 (MAX (to_linear (in[k] / 255.0), 1e-12)), MAX_OPTICAL_DENSITY);

      o[k] = from_linear (pow (10.0, -c * od));
    }
  return out;
}

HlColor
hl_dilution_skin_colour (int type)
{
  static const double ita_deg[6] = { 62.0, 48.0, 34.5, 19.0, -10.0, -45.0 };
  const double a = 10.0, b = 18.0;
  double lab[3];

  if (type < 1 || type > 6)
    type = 3;
  lab[0] = 50.0 + b * tan (ita_deg[type - 1] * G_PI / 180.0);
  lab[1] = a;
  lab[2] = b;
  return hl_color_from_lab (lab);
}

HlColor
hl_dilution_healed_on_skin (HlColor shade,
                            int     type)
{
  const HlPigmentLook *look = hl_pigment_look (HL_STAGE_HEALED);
  HlColor skin = hl_dilution_skin_colour (type);
  const guint8 *cast = &look->cast.r, *s = &skin.r;
  guint8 *in = &shade.r;
  HlColor out;
  guint8 *o = &out.r;

  /* As the renderer's stage_shade(): the cast, then the lightening. */
  for (guint k = 0; k < 3; k++)
    in[k] = (guint8) floor (in[k] + (cast[k] - in[k]) * look->cast_amount + 0.5);
  shade = hl_color_lighten (shade, look->lighten);
  for (guint k = 0; k < 3; k++)
    {
      double f = 1.0 - look->opacity * (1.0 - in[k] / 255.0);

      o[k] = (guint8) CLAMP (floor (s[k] * f + 0.5), 0.0, 255.0);
    }
  return out;
}

gboolean
hl_dilution_chart_nearest (const HlDilutionChart *chart,
                           HlColor                target,
                           int                    type,
                           HlDilutionMatch       *match)
{
  gboolean found = FALSE;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint i = 0; i < chart->pigments->len; i++)
    {
      const HlChartPigment *p = &g_array_index (chart->pigments, HlChartPigment, i);

      for (guint k = 0; k < p->dilutions->len; k++)
        {
          HlColor shade = hl_dilution_shade (p->colour, g_array_index (p->dilutions, HlDilution, k));
          HlColor healed = hl_dilution_healed_on_skin (shade, type);
          double de = hl_color_delta_e (healed, target);

          if (de < best)
            {
              best = de;
              found = TRUE;
              if (match != NULL)
                *match = (HlDilutionMatch) { i, k, shade, healed, de };
            }
        }
    }
  return found;
}

char *
hl_dilution_chart_name_shade (const HlDilutionChart *chart,
                              HlColor                shade)
{
  g_return_val_if_fail (chart != NULL, NULL);

  for (guint i = 0; i < chart->pigments->len; i++)
    {
      const HlChartPigment *p = &g_array_index (chart->pigments, HlChartPigment, i);

      for (guint k = 0; k < p->dilutions->len; k++)
        {
          HlDilution d = g_array_index (p->dilutions, HlDilution, k);

          if (hl_color_equal (hl_dilution_shade (p->colour, d), shade))
            {
              g_autofree char *text = hl_dilution_format (d);

              return g_strdup_printf ("%s %s", p->name, text);
            }
        }
    }
  return NULL;
}

char *
hl_dilution_match_describe (const HlDilutionChart *chart,
                            const HlDilutionMatch *match,
                            int                    type,
                            gboolean               assumed)
{
  const HlChartPigment *p;
  g_autofree char *dilution = NULL;
  const char *roman = hl_fitzpatrick_to_roman (type);

  g_return_val_if_fail (chart != NULL && match != NULL, NULL);
  g_return_val_if_fail (match->pigment < chart->pigments->len, NULL);

  p = &g_array_index (chart->pigments, HlChartPigment, match->pigment);
  g_return_val_if_fail (match->dilution < p->dilutions->len, NULL);
  dilution = hl_dilution_format (g_array_index (p->dilutions, HlDilution, match->dilution));
  if (assumed)
    /* TRANSLATORS: pigment name, dilution "1:6", colour difference, skin type "III" */
    return g_strdup_printf (_("Nearest dilution: %s %s, ΔE %.1f healed on skin type %s (assumed)"),
                            p->name, dilution, match->delta_e, roman != NULL ? roman : "III");
  /* TRANSLATORS: pigment name, dilution "1:6", colour difference, skin type "II" */
  return g_strdup_printf (_("Nearest dilution: %s %s, ΔE %.1f healed on skin type %s"),
                          p->name, dilution, match->delta_e, roman != NULL ? roman : "III");
}

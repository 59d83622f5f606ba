/* hl-pigment.c: the appearance model of a dot (see hl-pigment.h).
 *
 * Sources (full references in the README, "How dots look"):
 *
 * [SMP]  Practitioners' published dot sizes. SMP Debate, "SMP Follicle
 *        Size – Smaller Is Not Better" (smpdebate.com) and J. Gerow, "SMP
 *        results aren't necessarily better with smaller needles"
 *        (jonathangerow.com): up to ≈ 250 µm right after treatment, with
 *        the scab; 100–150 µm once healed; follicles ≈ 70–80 µm (Asian,
 *        Caucasian) to 110–120 µm (African). Pro Hair Clinic, "Comparison
 *        of hair pigmentation needles with other small objects" (2023):
 *        needles 0.15–0.25 mm, the holes shrink about 50 % on healing.
 * [HEAL] Lea & Pawlowski, "Human tattoo. Electron microscopic assessment
 *        of epidermis, epidermal-dermal junction, and dermis", Int J
 *        Dermatol 26(7):453–458, 1987: healing takes about a month; then
 *        the ink is found only in dermal fibroblasts (under a regrown
 *        epidermis).
 * [MUS]  "Absorption and reduced scattering coefficients in epidermis and
 *        dermis from a Swedish cohort study", J Biomed Opt 28(11):115001,
 *        2023 (3809 subjects, in vivo): reduced scattering coefficient
 *        μs' 3.22 mm⁻¹ at 475 nm to 1.20 mm⁻¹ at 850 nm. Lister, Wright &
 *        Chappell, "Optical properties of human skin", J Biomed Opt
 *        17(9):090901, 2012: published coefficients vary by up to an order
 *        of magnitude, so treat any single value as a scale, not a fact.
 * [AGE]  Old tattoos: the pigment, stable for years under the
 *        dermal-epidermal junction, migrates deeper over decades, which
 *        degrades detail (tattoo histology summaries, e.g. anatomybox.com
 *        "Tattoo"); carbon black seen deep in skin takes a blue tinge, the
 *        Tyndall effect: skin scatters short wavelengths back before they
 *        reach the pigment ("John Tyndall's Effect on Dermatology", JAMA
 *        Dermatol 153(3):308, 2017).
 *
 * From [MUS] to a halo width (our estimate, not a published number):
 * light leaving pigment at depth z through tissue of reduced scattering μs'
 * spreads sideways, in the small-angle (Fermi–Eyges) approximation, by
 * σ ≈ √(μs' z³ / 3). With μs' ≈ 2.5 mm⁻¹ (green–yellow, between the
 * cohort's 475 and 850 nm values) and pigment 0.12–0.15 mm under the
 * surface, σ ≈ 35–50 µm: about 0.5–0.7 of a healed dot's radius. Only
 * part of the light is scattered that much, so the halo is faint.
 *
 * Our modelling choices, not measured: the edge widths, the halo's
 * strength, the aged dot's spread (+13 % diameter), the size jitter (±7 %)
 * and the outline's waves (≤ 6 % and ≤ 3 % of the radius). Widths are
 * fractions of the dot's radius, so a stamp depends on its radius in pixels
 * only and stays cacheable at any zoom; at the sizes a design uses
 * (0.1–0.3 mm) this is within the spread of [MUS].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-pigment.h"

static const HlPigmentLook looks[HL_PIGMENT_N_STAGES] = {
  /* Fresh: pigment in the open wound and the scab, no skin over it: the
   * whole diameter (≈ 250 µm for a 0.25 mm dot [SMP]), crisp, darkest,
   * no halo. */
  { 1.00, 0.03, 0.50, 0.00, 0.00, 0.95, { 0, 0, 0 }, 0.0 },
  /* Healed: the hole shrinks to ≈ 55 % (250 → 100–150 µm [SMP]; "about
   * 50 %"), under a regrown epidermis [HEAL]: lighter, a softer edge, a
   * faint halo of σ ≈ 0.7 radius (≈ 48 µm for a 0.25 mm dot, [MUS]). */
  { 0.55, 0.08, 0.70, 0.10, 0.22, 0.88, { 0, 0, 0 }, 0.0 },
  /* Aged (years): ink spread (+13 % diameter) and deeper [AGE]: lighter,
   * softest, a wider halo, a blue-grey cast (Tyndall). */
  { 0.62, 0.13, 0.90, 0.16, 0.35, 0.80, { 0x6a, 0x78, 0x8c }, 0.30 },
};

/* Outline waves per shape: amplitude and phase of the two- and three-fold
 * terms (fractions of the radius). */
typedef struct
{
  double a2, c2, s2;   /* a2·cos φ2, a2·sin φ2 */
  double a3, c3, s3;
} Shape;

static Shape shapes[HL_PIGMENT_N_SHAPES];
static gsize shapes_ready = 0;

static const Shape *
get_shape (guint shape)
{
  if (g_once_init_enter (&shapes_ready))
    {
      for (guint k = 0; k < HL_PIGMENT_N_SHAPES; k++)
        {
          /* Amplitudes 3–6 % and 1.5–3 %, phases a golden-angle apart. */
          double a2 = 0.03 + 0.03 * ((k * 5) % 8) / 7.0;
          double a3 = 0.015 + 0.015 * ((k * 3) % 8) / 7.0;
          double p2 = k * 2.399963229728653;
          double p3 = k * 1.7 + 0.5;

          shapes[k].c2 = a2 * cos (p2);
          shapes[k].s2 = a2 * sin (p2);
          shapes[k].a2 = a2;
          shapes[k].c3 = a3 * cos (p3);
          shapes[k].s3 = a3 * sin (p3);
          shapes[k].a3 = a3;
        }
      g_once_init_leave (&shapes_ready, 1);
    }
  return &shapes[shape % HL_PIGMENT_N_SHAPES];
}

const HlPigmentLook *
hl_pigment_look (guint stage)
{
  return &looks[MIN (stage, HL_PIGMENT_N_STAGES - 1)];
}

guint32
hl_pigment_dot_hash (float x,
                     float y)
{
  guint32 a, b, h;

  memcpy (&a, &x, sizeof a);
  memcpy (&b, &y, sizeof b);
  /* murmur3's finaliser over both words. */
  h = a * 0xcc9e2d51u ^ ((b << 15) | (b >> 17)) * 0x1b873593u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

double
hl_pigment_size_jitter (guint32 hash)
{
  return 1.0 + 0.07 * (((hash >> 8) & 0xffff) / 32767.5 - 1.0);
}

guint
hl_pigment_shape (guint32 hash)
{
  return (hash >> 27) % HL_PIGMENT_N_SHAPES;
}

/* A pixel's box adds 1/12 px² of variance per axis: to a Gaussian σ² that
 * is σ² += 1/12; to the logistic edge (variance π²w²/3), w² += 1/(4π²). */
#define PIXEL_W2 0.02533
#define PIXEL_S2 (1.0 / 12.0)

double
hl_pigment_coverage (const HlPigmentLook *look,
                     guint                shape,
                     double               radius,
                     double               x,
                     double               y)
{
  const Shape *s = get_shape (shape);
  double w = look->edge * radius;
  double w_eff = sqrt (w * w + PIXEL_W2);
  double r2 = x * x + y * y;
  double r = sqrt (r2);
  double rim = radius, core, halo = 0.0;

  if (r > 1e-9)
    {
      double c = x / r, sn = y / r;
      double cos2 = c * c - sn * sn, sin2 = 2 * c * sn;
      double cos3 = c * (4 * c * c - 3), sin3 = sn * (3 - 4 * sn * sn);

      rim = radius * (1.0 + cos2 * s->c2 + sin2 * s->s2 + cos3 * s->c3 + sin3 * s->s3);
    }
  core = 1.0 / (1.0 + exp ((r - rim) / w_eff));

  if (look->halo > 0.0)
    {
      double sh = look->halo_sigma * radius;
      double sh2 = sh * sh + PIXEL_S2;

      /* Widened by the pixel, lowered to keep its integral. */
      halo = look->halo * (sh * sh / sh2) * exp (-r2 / (2.0 * sh2));
    }

  return 1.0 - (1.0 - core) * (1.0 - halo);
}

double
hl_pigment_integral (const HlPigmentLook *look,
                     guint                shape,
                     double               radius)
{
  const Shape *s = get_shape (shape);
  double w = look->edge * radius;
  /* A logistic disc: π(R² + π²w²/3) (Sommerfeld); the waves add πR²·Σa²/2. */
  double core = G_PI * (radius * radius * (1.0 + 0.5 * (s->a2 * s->a2 + s->a3 * s->a3)) +
                        G_PI * G_PI * w * w / 3.0);
  double sh = look->halo_sigma * radius;

  /* The halo counts outside the core only (transmittances multiply). */
  if (look->halo > 0.0 && sh > 0.0)
    core += look->halo * 2.0 * G_PI * sh * sh * exp (-radius * radius / (2.0 * sh * sh));
  return core;
}

double
hl_pigment_solid_radius (const HlPigmentLook *look,
                         guint                shape,
                         double               radius)
{
  const Shape *s = get_shape (shape);
  double w = look->edge * radius;
  double w_eff = sqrt (w * w + PIXEL_W2);
  /* The outline's waves bring the rim in by a2 + a3 of the radius at
   * most; the logistic is over 1 − 1/736 at 6.6 widths inside it (the
   * halo only adds darkening). */
  double r = radius * (1.0 - s->a2 - s->a3) - 6.6 * w_eff;

  return MAX (r, 0.0);
}

double
hl_pigment_reach (const HlPigmentLook *look,
                  guint                shape,
                  double               radius)
{
  const Shape *s = get_shape (shape);
  double w = look->edge * radius;
  double w_eff = sqrt (w * w + PIXEL_W2);
  /* Logistic under 1/512 at 6.24 widths past the rim. */
  double reach = radius * (1.0 + s->a2 + s->a3) + 6.24 * w_eff;

  if (look->halo > 0.0)
    {
      double sh = sqrt (look->halo_sigma * radius * look->halo_sigma * radius + PIXEL_S2);
      double k = 512.0 * look->halo;

      if (k > 1.0)
        reach = MAX (reach, sh * sqrt (2.0 * log (k)));
    }
  return reach;
}

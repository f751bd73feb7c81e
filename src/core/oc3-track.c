/* oc3-track.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-track-private.h"

G_DEFINE_FINAL_TYPE (Oc3Track, oc3_track, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_TALKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_track_finalize (GObject *object)
{
  Oc3Track *self = OC3_TRACK (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_object (&self->talks);

  G_OBJECT_CLASS (oc3_track_parent_class)->finalize (object);
}

static void
oc3_track_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  Oc3Track *self = OC3_TRACK (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_track_class_init (Oc3TrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_track_finalize;
  object_class->get_property = oc3_track_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALKS] =
    g_param_spec_object ("talks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_track_init (Oc3Track *self)
{
}

/**
 * oc3_track_get_name:
 * @self: a #Oc3Track
 *
 * Returns: (transfer none): the track's name
 */
const char *
oc3_track_get_name (Oc3Track *self)
{
  g_return_val_if_fail (OC3_IS_TRACK (self), NULL);

  return self->name;
}

/**
 * oc3_track_get_color:
 * @self: a #Oc3Track
 *
 * Returns: (transfer none): the track's colour as "#rrggbb"
 */
const char *
oc3_track_get_color (Oc3Track *self)
{
  g_return_val_if_fail (OC3_IS_TRACK (self), NULL);

  return self->color;
}

/**
 * oc3_track_get_talks:
 * @self: a #Oc3Track
 *
 * Returns: (transfer none) (element-type Oc3Talk): the talks in this track,
 *   sorted by start, then room
 */
GListModel *
oc3_track_get_talks (Oc3Track *self)
{
  g_return_val_if_fail (OC3_IS_TRACK (self), NULL);

  return G_LIST_MODEL (self->talks);
}

Oc3Track *
oc3_track_new (void)
{
  return g_object_new (OC3_TYPE_TRACK, NULL);
}

/* The accent colours of libadwaita 1.6: chosen by GNOME's designers to look
 * good together and to carry white text, in light and dark styles. */
static const char * const palette[] = {
  "#3584e4", /* blue */
  "#2190a4", /* teal */
  "#3a944a", /* green */
  "#c88800", /* yellow */
  "#ed5b00", /* orange */
  "#e62d42", /* red */
  "#d56199", /* pink */
  "#9141ac", /* purple */
  "#6f8396", /* slate */
};

/**
 * oc3_track_color_for_name:
 * @name: a track's name
 *
 * The colour of a track the program gives no colour for. It is stable (the
 * same name always gets the same colour, in every version and on every
 * machine) and pleasant: one of libadwaita's nine accent colours, picked by
 * the 32-bit FNV-1a hash of the case-folded name modulo nine. "Security" and
 * "security " get the same colour.
 *
 * Returns: (transfer none): a colour as "#rrggbb"
 */
const char *
oc3_track_color_for_name (const char *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  guint32 hash = 2166136261u;

  g_return_val_if_fail (name != NULL, palette[0]);

  stripped = g_strstrip (g_strdup (name));
  folded = g_utf8_casefold (stripped, -1);
  for (const guchar *p = (const guchar *) folded; *p; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  return palette[hash % G_N_ELEMENTS (palette)];
}

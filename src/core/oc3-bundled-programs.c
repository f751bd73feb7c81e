/* oc3-bundled-programs.c — the OC3 editions that ship inside the app, in its
 * GResource, so that the app starts with a program and no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-bundled-programs.h"

/* Newest first. The ids name the user's data (stars, reminders) of each. */
static const struct {
  const char *id;
  const char *name;
  const char *resource;
} programs[] = {
  { "oc3-2024", N_("OC3 2024"), "/com/example/OC3/programs/oc3-2024.json" },
  { "oc3-2022", N_("OC3 2022"), "/com/example/OC3/programs/oc3-2022.json" },
};

guint
oc3_bundled_programs_get_n_items (void)
{
  return G_N_ELEMENTS (programs);
}

const char *
oc3_bundled_programs_get_id (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (programs), NULL);

  return programs[position].id;
}

const char *
oc3_bundled_programs_get_name (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (programs), NULL);

  return _(programs[position].name);
}

/* Returns the position of the edition with this id, or -1. */
int
oc3_bundled_programs_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    if (g_strcmp0 (programs[i].id, id) == 0)
      return (int) i;

  return -1;
}

GBytes *
oc3_bundled_programs_load (guint    position,
                           GError **error)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (programs), NULL);

  return g_resources_lookup_data (programs[position].resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

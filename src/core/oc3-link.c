/* oc3-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-link.h"

G_DEFINE_BOXED_TYPE (Oc3Link, oc3_link, oc3_link_ref, oc3_link_unref)

/**
 * oc3_link_new:
 * @url: the URL
 * @title: (nullable): the title
 *
 * Returns: (transfer full): a new link, its strings stored with it in one block
 */
Oc3Link *
oc3_link_new (const char *url,
              const char *title)
{
  gsize url_size;
  gsize title_size;
  Oc3Link *self;
  char *strings;

  g_return_val_if_fail (url != NULL, NULL);

  url_size = strlen (url) + 1;
  title_size = title != NULL ? strlen (title) + 1 : 0;
  self = g_atomic_rc_box_alloc (sizeof (Oc3Link) + url_size + title_size);
  strings = (char *) (self + 1);

  memcpy (strings, url, url_size);
  self->url = strings;
  if (title != NULL)
    {
      memcpy (strings + url_size, title, title_size);
      self->title = strings + url_size;
    }
  else
    self->title = NULL;

  return self;
}

Oc3Link *
oc3_link_ref (Oc3Link *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
oc3_link_unref (Oc3Link *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

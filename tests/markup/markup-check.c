/* markup-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks markup the way a GtkLabel takes it.  Pango itself does not know
 * <a>: GtkLabel parses the markup with GMarkup first, takes the links out
 * and hands the rest to pango_parse_markup().  This does the same, and on
 * top insists that only the tags and attributes OC3's converter may write
 * are there, and that every link goes to http, https or mailto.
 */

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "markup-check.h"

typedef struct
{
  GString  *without_links;
  gboolean  in_link;
  guint     depth;
} CheckData;

static void
check_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  CheckData *data = user_data;
  static const char * const plain[] = { "markup", "b", "i", "tt", "s", "u" };
  guint n_attributes = g_strv_length ((char **) attribute_names);

  if ((data->depth++ == 0) != (strcmp (element_name, "markup") == 0))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "<markup> only as the root");
      return;
    }

  if (strcmp (element_name, "a") == 0)
    {
      const char *href = attribute_values[0];

      if (n_attributes != 1 || strcmp (attribute_names[0], "href") != 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "<a> must have exactly one attribute, href");
          return;
        }
      if (g_ascii_strncasecmp (href, "http://", 7) != 0 &&
          g_ascii_strncasecmp (href, "https://", 8) != 0 &&
          g_ascii_strncasecmp (href, "mailto:", 7) != 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "link to a forbidden scheme: %s", href);
          return;
        }
      for (const char *p = href; *p; p++)
        if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || strchr ("\"<>", *p) != NULL)
          {
            g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         "href is not a clean URI: %s", href);
            return;
          }
      if (data->in_link)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "nested link");
          return;
        }
      data->in_link = TRUE;
      return;
    }

  if (strcmp (element_name, "span") == 0)
    {
      if (n_attributes != 2 ||
          strcmp (attribute_names[0], "size") != 0 || strcmp (attribute_values[0], "large") != 0 ||
          strcmp (attribute_names[1], "weight") != 0 || strcmp (attribute_values[1], "bold") != 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "unexpected <span> attributes");
          return;
        }
    }
  else
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
        known |= strcmp (element_name, plain[i]) == 0;
      if (!known || n_attributes != 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       "unexpected element <%s> (%u attributes)", element_name, n_attributes);
          return;
        }
    }

  if (strcmp (element_name, "markup") == 0)
    return;

  g_string_append_printf (data->without_links, "<%s", element_name);
  for (guint i = 0; i < n_attributes; i++)
    {
      g_autofree char *value = g_markup_escape_text (attribute_values[i], -1);

      g_string_append_printf (data->without_links, " %s=\"%s\"", attribute_names[i], value);
    }
  g_string_append_c (data->without_links, '>');
}

static void
check_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  CheckData *data = user_data;

  data->depth--;
  if (strcmp (element_name, "a") == 0)
    data->in_link = FALSE;
  else if (strcmp (element_name, "markup") != 0)
    g_string_append_printf (data->without_links, "</%s>", element_name);
}

static void
check_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  CheckData *data = user_data;
  g_autofree char *escaped = g_markup_escape_text (text, text_len);

  g_string_append (data->without_links, escaped);
}

gboolean
oc3_check_label_markup (const char  *markup,
                        GError     **error)
{
  static const GMarkupParser parser = {
    check_start_element, check_end_element, check_text, NULL, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) without_links = g_string_new (NULL);
  CheckData data = { without_links, FALSE, 0 };

  if (!g_utf8_validate (markup, -1, NULL))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8, "invalid UTF-8");
      return FALSE;
    }

  context = g_markup_parse_context_new (&parser, 0, &data, NULL);
  if (!g_markup_parse_context_parse (context, "<markup>", -1, error) ||
      !g_markup_parse_context_parse (context, markup, -1, error) ||
      !g_markup_parse_context_parse (context, "</markup>", -1, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return FALSE;

  /* What GtkLabel hands to Pango, and Pango on the markup as it is where
   * there are no links. */
  if (!pango_parse_markup (without_links->str, -1, 0, NULL, NULL, NULL, error))
    return FALSE;
  if (strstr (markup, "<a ") == NULL &&
      !pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, error))
    return FALSE;

  return TRUE;
}

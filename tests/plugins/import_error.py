"""Test double: a plugin that cannot even be imported."""

from __future__ import annotations

import copydesk_this_module_does_not_exist  # noqa: F401

"""The user's own entries: skills and aliases added to the taxonomy, and settings (validated on the
way in and on the way out)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select

from matcher.store.base import StoreBase
from matcher.store.reading import DAMAGE
from matcher.store.schema import SettingRow, UserAliasRow, UserSkillRow
from matcher.store.settings import problem


class UserEntries(StoreBase):
    """The user's skills, aliases and settings: `Store` keeps them through this part."""

    def add_user_skill(self, name: str, category: str = "tool") -> None:
        with self.writing() as s:
            s.merge(UserSkillRow(name=name, category=category))

    def add_user_alias(self, alias: str, skill: str) -> None:
        with self.writing() as s:
            s.merge(UserAliasRow(alias=alias, skill=skill))

    def user_taxonomy(self) -> tuple[list[tuple[str, str]], dict[str, str]]:
        with self.session() as s:
            skills = [(r.name, r.category) for r in s.scalars(select(UserSkillRow))]
            aliases = {r.alias: r.skill for r in s.scalars(select(UserAliasRow))}
        return skills, aliases

    def setting(self, key: str, default: Any = None) -> Any:
        """The stored value, or `default` when there is none or it is not valid (then `notices`
        says so: `matcher settings reset` clears it)."""
        reason: str | None = None
        try:
            with self.session() as s:
                row = s.get(SettingRow, key)
                value = default if row is None else row.value
        except DAMAGE:
            value, reason = default, "it is damaged"
        else:
            reason = problem(key, value) if row is not None else None
        if reason:
            self.notices.append(f"the saved {key} were ignored ({reason}); `matcher settings reset` clears them")
            return default
        return value

    def set_setting(self, key: str, value: Any) -> None:
        reason = problem(key, value)
        if reason:
            raise ValueError(reason)
        with self.writing() as s:
            s.merge(SettingRow(key=key, value=value))

    def settings(self) -> dict[str, Any]:
        """Every stored setting as it is, valid or not (`matcher settings list` shows them)."""
        with self.session() as s:
            return {row.key: row.value for row in s.scalars(select(SettingRow).order_by(SettingRow.key))}

    def reset_settings(self, keys: Iterable[str] = ()) -> int:
        """Forget the given settings (all when none are given): their defaults apply again."""
        with self.writing() as s:
            statement = delete(SettingRow)
            if keys:
                statement = statement.where(SettingRow.key.in_(list(keys)))
            return int(cast(CursorResult[Any], s.execute(statement)).rowcount)

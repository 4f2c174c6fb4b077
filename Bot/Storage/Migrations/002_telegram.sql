-- Telegram: find a member by the Telegram user writing to the bot.
CREATE INDEX members_telegram_user ON members (telegram_user_id) WHERE telegram_user_id IS NOT NULL;

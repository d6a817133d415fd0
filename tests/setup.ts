// Internal engine errors fail tests loudly instead of being logged and skipped.
process.env.KEYGUARD_THROW = '1';

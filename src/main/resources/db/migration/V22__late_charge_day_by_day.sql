-- Late-payment interest is computed day by day on the balance owed at the end of each day, so a
-- month's charge can rest on more than one balance. What it was computed from stays on the row
-- for a reader to check: balance_days is the sum of balance × days over the days that bore
-- interest (amount = balance_days × annual_rate / 36500, rounded once to the currency's minor
-- unit), breakdown lists the stretches of days on one balance. base_amount keeps the balance only
-- when one balance held for all days of the month; days counts the days that bore interest.
alter table late_charge add column balance_days numeric(22, 4);
alter table late_charge add column breakdown varchar(2000);
-- the rows booked before: one balance for all their days
update late_charge set balance_days = base_amount * days where kind = 'INTEREST';

// Chat schedules to cron and back, and time zones through croner.
import { describe, expect, it } from 'vitest';
import { describeSchedule, firesBefore, latestFire, nextFire, parseChatSchedule, ScheduleError, validateSchedule } from '../../src/digest/schedule.js';

const words = (s: string): string[] => s.split(' ');

describe('chat schedules', () => {
  it('reads weekly and daily schedules with and without a time zone', () => {
    expect(parseChatSchedule(words('weekly monday 09:00 Europe/Berlin'), undefined)).toEqual({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' });
    expect(parseChatSchedule(words('daily 08:30'), 'America/New_York')).toEqual({ cron: '30 8 * * *', timeZone: 'America/New_York' });
    expect(parseChatSchedule(words('daily 08:30'), undefined)).toEqual({ cron: '30 8 * * *', timeZone: 'UTC' });
    expect(parseChatSchedule(words('Weekly FRI 17:45'), 'Asia/Tokyo')).toEqual({ cron: '45 17 * * 5', timeZone: 'Asia/Tokyo' });
    expect(parseChatSchedule(['weekly'], undefined)).toEqual({ cron: '0 9 * * 1', timeZone: 'UTC' });
    // A zone named in the command wins over the user's own.
    expect(parseChatSchedule(words('daily 7 Europe/London'), 'Asia/Tokyo')).toEqual({ cron: '0 7 * * *', timeZone: 'Europe/London' });
  });

  it('ignores an unknown user time zone and falls back to UTC', () => {
    expect(parseChatSchedule(words('daily 08:30'), 'Not/AZone').timeZone).toBe('UTC');
  });

  it.each([
    ['monthly 09:00', /not a schedule/],
    ['weekly funday 09:00', /did not understand "funday"/],
    ['daily 25:00', /not a time of day/],
    ['daily 08:61', /not a time of day/],
    ['daily 08:30 Mars/Olympus_Mons', /not a time zone/],
    ['daily <!channel>', /did not understand/],
    ['', /not a schedule/],
  ])('refuses %j with a reason', (text, reason) => {
    expect(() => parseChatSchedule(text.split(' '), undefined)).toThrow(ScheduleError);
    expect(() => parseChatSchedule(text.split(' '), undefined)).toThrow(reason);
  });

  it('validates command-line cron patterns and zones', () => {
    expect(validateSchedule({ cron: ' 0  9 * * 1 ', timeZone: 'Europe/Berlin' })).toEqual({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' });
    expect(() => validateSchedule({ cron: '0 9 * * 8', timeZone: 'UTC' })).toThrow(/not a cron pattern/);
    expect(() => validateSchedule({ cron: '0 9 * *', timeZone: 'UTC' })).toThrow(/five fields/);
    expect(() => validateSchedule({ cron: '0 0 9 * * 1', timeZone: 'UTC' })).toThrow(/five fields/);
    expect(() => validateSchedule({ cron: '0 9 30 2 *', timeZone: 'UTC' })).toThrow(/never runs/);
    expect(() => validateSchedule({ cron: '0 9 * * 1', timeZone: 'Europe/Nowhere' })).toThrow(/time zone/);
  });

  it('describes schedules for people', () => {
    expect(describeSchedule({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' })).toBe('every Monday at 09:00 (Europe/Berlin)');
    expect(describeSchedule({ cron: '30 8 * * *', timeZone: 'UTC' })).toBe('every day at 08:30 (UTC)');
    expect(describeSchedule({ cron: '0 9 * * 1-5', timeZone: 'UTC' })).toContain('"0 9 * * 1-5"');
  });

  it('keeps 09:00 local across the end of summer time (Berlin 25 Oct 2026, New York 1 Nov 2026)', () => {
    const berlin = { cron: '0 9 * * *', timeZone: 'Europe/Berlin' };
    expect(latestFire(berlin, new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(nextFire(berlin, new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    const ny = { cron: '0 9 * * 1', timeZone: 'America/New_York' };
    expect(firesBefore(ny, new Date('2026-11-03T00:00:00Z'), 2).map((d) => d.toISOString())).toEqual(['2026-11-02T14:00:00.000Z', '2026-10-26T13:00:00.000Z']);
    // Exactly at a fire time counts as that fire.
    expect(latestFire(ny, new Date('2026-11-02T14:00:00Z'))?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });
});

import { landingPage } from './landing-page';

describe('landingPage', () => {
  it('leads each role to its own work', () => {
    expect(landingPage(null, 'REPORTER')).toBe('/tasks');
    expect(landingPage(null, 'OFFICE')).toBe('/review');
    expect(landingPage(null, 'ADMIN')).toBe('/review');
  });

  it('leads a leader to the portfolio with several policies, to the one policy’s dashboard with one', () => {
    expect(landingPage(null, 'LEADER', ['a', 'b'])).toBe('/portfolio');
    expect(landingPage(null, 'LEADER', ['a'])).toBe('/p/a/dashboard');
    expect(landingPage(null, 'LEADER', [])).toBe('/portfolio');
  });

  it('goes back where the user came from, whatever the role', () => {
    expect(landingPage('/p/x/dashboard', 'LEADER', ['a'])).toBe('/p/x/dashboard');
    expect(landingPage('/reports/1', 'REPORTER')).toBe('/reports/1');
  });
});

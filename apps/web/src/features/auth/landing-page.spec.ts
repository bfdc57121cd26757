import { landingPage } from './landing-page';

describe('landingPage', () => {
  it('leads a leader to the portfolio, everyone else to the policy page', () => {
    expect(landingPage(null, 'LEADER')).toBe('/portfolio');
    expect(landingPage(null, 'OFFICE')).toBe('/');
    expect(landingPage(null, 'REPORTER')).toBe('/');
  });

  it('goes back where the user came from, whatever the role', () => {
    expect(landingPage('/p/x/dashboard', 'LEADER')).toBe('/p/x/dashboard');
  });
});
